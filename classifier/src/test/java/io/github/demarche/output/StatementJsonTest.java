package io.github.demarche.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one statement vocabulary of docs/analyze.md: field names, order and shapes. */
class StatementJsonTest {
  private static final Document DOC = new Document("d1",
      "Russia urged restraint. It rained. Both leaders welcomed the talks.");

  @Test
  void aStatementHasTheDocumentedFieldsInOrderWithASpeakerObject() throws Exception {
    Actor rus = new Actor("RUS", "Russia", ActorKind.STATE);
    Statement s = Statement.in(DOC, 0, 23, 0, new Speaker("Russia", rus))
        .withPositions(List.of(new Position("de_escalation", 0.876543, List.of("ARM", "AZE"))));
    String line = StatementJson.line("d1", s);
    assertEquals("{\"document\":\"d1\",\"sentence\":0,\"start\":0,\"end\":23,"
        + "\"text\":\"Russia urged restraint.\",\"speaker\":{\"mention\":\"Russia\","
        + "\"actor\":{\"id\":\"RUS\",\"name\":\"Russia\",\"kind\":\"state\",\"cameo\":null},\"actors\":[\"RUS\"],\"reportedBy\":null},"
        + "\"positions\":[{\"label\":\"de_escalation\",\"score\":0.8765,\"targets\":[\"ARM\","
        + "\"AZE\"],\"unresolvedTargets\":[]}]}", line);
    assertEquals(new ObjectMapper().readTree(line), StatementJson.toJson("d1", s));
  }

  @Test
  void missingSpeakerAndUnresolvedActorAreNullsNotMissingFields() throws Exception {
    Statement none = Statement.in(DOC, 24, 34, 1, null)
        .withPositions(List.of(new Position("none", 0.9)));
    Statement group = Statement.in(DOC, 35, 67, 2, Speaker.unresolved("Both leaders"));
    StringWriter out = new StringWriter();
    StatementJson.write(out, "d1", none);
    StatementJson.write(out, "d1", group);
    List<String> lines = out.toString().lines().toList();
    JsonNode a = new ObjectMapper().readTree(lines.get(0));
    JsonNode b = new ObjectMapper().readTree(lines.get(1));
    assertEquals(List.of("document", "sentence", "start", "end", "text", "speaker", "positions"),
        List.copyOf(com.google.common.collect.Lists.newArrayList(a.fieldNames())));
    assertEquals(true, a.get("speaker").isNull());
    assertEquals(true, b.get("speaker").get("actor").isNull());
    assertEquals(0, b.get("speaker").get("actors").size());
    assertEquals(0, b.get("positions").size());
  }

  @Test
  void partiesThatResolveToNoActorAreWrittenApartFromTheActorIds() throws Exception {
    Statement s = Statement.in(DOC, 0, 23, 0, null).withPositions(List.of(new Position(
        "accusation", 0.7, List.of("RUS"), List.of("the Wagner Group"))));
    JsonNode position = StatementJson.toJson("d1", s).get("positions").get(0);
    assertEquals(List.of("label", "score", "targets", "unresolvedTargets"),
        com.google.common.collect.Lists.newArrayList(position.fieldNames()));
    assertEquals("RUS", position.get("targets").get(0).asText());
    assertEquals(1, position.get("targets").size(), "a mention is not an actor id");
    assertEquals("the Wagner Group", position.get("unresolvedTargets").get(0).asText());
    assertEquals("RUS/\"the Wagner Group\"", TargetsText.of(s.positions().get(0)));
    assertEquals("", TargetsText.of(new Position("none", 0.9)));
  }
}
