package io.github.demarche.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.DocumentMetadata;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRecordsTest {
  private static final String TEXT = "The two ministers accused Armenia of shelling and called"
      + " for restraint.";
  private static final Actor AZE = new Actor("AZE", "Azerbaijan", ActorKind.STATE, "AZEGOV");
  private static final Actor TUR = new Actor("TUR", "Turkey", ActorKind.STATE, "TUR");
  private final EventRecords events = new EventRecords(new ObjectMapper(), Taxonomy.diplomatic(),
      ActorDictionary.defaults()::byId);
  private final Document doc = new Document("row-1", TEXT, DocumentMetadata.NONE
      .withUrl("https://mfa.gov.az/en/news/1").withDate(LocalDate.of(2020, 10, 2)));

  private Statement statement(Speaker speaker, Position... positions) {
    return Statement.in(doc, 0, TEXT.length(), 0, speaker).withPositions(List.of(positions));
  }

  @Test
  void oneRecordPerSpeakerActorPositionAndTarget() {
    Statement s = statement(Speaker.of("The two ministers", List.of(AZE, TUR)),
        new Position("accusation", 0.9, List.of("ARM", "the separatists")),
        new Position("de_escalation", 0.7, List.of()), new Position("none", 0.2));
    List<ObjectNode> out = events.of(doc, List.of(s));
    assertEquals(2 * (2 + 1), out.size(), out.toString());
    ObjectNode first = out.get(0);
    assertEquals("AZE", first.get("source_actor").asText());
    assertEquals("AZEGOV", first.get("source_cameo").asText());
    assertEquals("AZE", first.get("source_country").asText());
    assertEquals("ARM", first.get("target_actor").asText());
    assertEquals("ARM", first.get("target_cameo").asText());
    assertEquals("112/1123", first.get("cameo_code").asText());
    assertEquals("ACCUSE", first.get("plover_type").asText());
    assertEquals("2020-10-02", first.get("event_date").asText());
    assertEquals("https://mfa.gov.az/en/news/1", first.get("url").asText());
    assertEquals(TEXT, first.get("text").asText());
    assertEquals(0, first.get("start").asInt());
    assertEquals(TEXT.length(), first.get("end").asInt());
    ObjectNode mention = out.get(1);
    assertTrue(mention.get("target_actor").isNull());
    assertEquals("the separatists", mention.get("target_name").asText());
    ObjectNode restraint = out.get(2);
    assertTrue(restraint.get("target_actor").isNull(), "a position without a target");
    assertEquals("0256", restraint.get("cameo_code").asText());
    assertEquals("AGREE", restraint.get("plover_type").asText());
    assertEquals("de-escalate", restraint.get("plover_mode").asText());
    assertEquals("TUR", out.get(3).get("source_actor").asText());
  }

  @Test
  void aLabelWithOnlyAPloverContextHasNoEventType() {
    Statement s = statement(new Speaker("Azerbaijan", AZE),
        new Position("territorial_integrity", 0.8, List.of("AZE")));
    ObjectNode o = events.of(doc, List.of(s)).get(0);
    assertTrue(o.get("plover_type").isNull() && o.get("cameo_code").isNull());
    assertEquals("territory", o.get("plover_context").asText());
    assertTrue(o.get("target_actor").isNull(), "the speaker is not its own target");
  }

  @Test
  void statementsWithoutAResolvedSpeakerGiveNoEvents() {
    Statement none = statement(null, new Position("accusation", 0.9, List.of("ARM")));
    Statement unresolved = statement(Speaker.unresolved("the spokesman"),
        new Position("accusation", 0.9, List.of("ARM")));
    assertEquals(List.of(), events.of(doc, List.of(none, unresolved)));
  }
}
