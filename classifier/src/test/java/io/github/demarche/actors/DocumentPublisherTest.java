package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.DocumentMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentPublisherTest {
  private static final ActorDictionary DEFAULTS = ActorDictionary.defaults();

  @TempDir Path dir;

  private static String publisher(Document d) {
    return DEFAULTS.publisher(d).map(Actor::id).orElse(null);
  }

  @Test
  void theUrlNamesTheIssuerWhenTheIdIsAFreeIdentifier() {
    Document d = new Document("row-17", "text",
        DocumentMetadata.NONE.withUrl("https://www.gov.uk/government/news/pm-call"));
    assertEquals("GBR", publisher(d));
    assertEquals(null, publisher(new Document("row-17", "text")));
    assertEquals("GBR", publisher(new Document("https://www.gov.uk/x", "text")), "id as before");
  }

  @Test
  void aPublisherGivenAsDomainOrActorNameWinsOverTheUrl() {
    DocumentMetadata url = DocumentMetadata.NONE.withUrl("https://www.gov.uk/x");
    assertEquals("USA", publisher(new Document("a", "t", url.withPublisher("state.gov"))));
    assertEquals("JPN", publisher(new Document("a", "t",
        url.withPublisher("Ministry of Foreign Affairs of Japan"))));
    assertEquals("GBR", publisher(new Document("a", "t", url.withPublisher("Some Blog"))),
        "a publisher that names no actor falls back to the url");
  }

  @Test
  void aFileWithTheNineColumnHeaderHasCameoCodesWithoutRoles() throws IOException {
    Path f = dir.resolve("nine.tsv");
    Files.writeString(f, "id\tkind\tname\tparent\taliases\tdemonyms\tmetonyms\tpublishers\tcameo\n"
        + "league\torganisation\tLeague of Nations\t\t\t\t\t\tIGOLON\n");
    assertEquals(Optional.of("IGOLON"),
        ActorDictionary.load(f).resolve("the League of Nations").map(Actor::cameo));
    Files.writeString(f, "id\tkind\tname\tparent\taliases\tdemonyms\tmetonyms\tpublishers\tcameo\n"
        + "league\torganisation\tLeague of Nations\t\t\t\t\t\tIGOLON\tFRE FREGOV\n");
    DataException e = assertThrows(DataException.class, () -> ActorDictionary.load(f));
    assertTrue(e.getMessage().contains("nine.tsv:2: has 10 tab-separated columns, at most 9"),
        e.getMessage());
  }
}
