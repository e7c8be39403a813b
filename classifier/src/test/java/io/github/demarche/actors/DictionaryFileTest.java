package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionary file format: loading, extending the defaults, and errors in malformed files. */
class DictionaryFileTest {
  private static final String HEADER = "id\tkind\tname\tparent\taliases\tdemonyms\tmetonyms\n";

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("custom.tsv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void loadsACustomFile() throws IOException {
    Path file = write("# my actors\n" + HEADER
        + "FRE\tstate\tFreedonia\t\tRepublic of Freedonia\tFreedonian\tFredville\n"
        + "rufus-firefly\tperson\tRufus T. Firefly\tFRE\tFirefly\n"
        + "league\torganisation\tLeague of Nations\t\tthe League\t\t\n");
    ActorDictionary dict = ActorDictionary.load(file);
    assertEquals(Optional.of(new Actor("FRE", "Freedonia", ActorKind.STATE)), dict.byId("FRE"));
    assertEquals(3, dict.actors().size());
    for (String m : List.of("Freedonia", "the Freedonian envoy", "Fredville", "Firefly",
        "President Rufus T. Firefly")) {
      assertEquals("FRE", dict.resolve(m).map(Actor::id).orElse(""), m);
    }
    assertEquals("league", dict.resolve("The League").map(Actor::id).orElse(""));
    assertEquals(Optional.empty(), dict.resolve("Iran"));
  }

  @Test
  void extendsTheDefaultsAndACustomAliasOverrides() throws IOException {
    Path file = write(HEADER
        + "georgia-us\tother\tState of Georgia\t\tGeorgia\t\tAtlanta\n"
        + "sergei-lavrov\tperson\tSergei Lavrov\tRUS\tthe Minister\t\t\n");
    ActorDictionary dict = ActorDictionary.defaults().extendWith(ActorDictionary.load(file));
    assertEquals("georgia-us", dict.resolve("Georgia").orElseThrow().id());
    assertEquals("GEO", dict.resolve("Tbilisi").orElseThrow().id());
    assertEquals("RUS", dict.resolve("the Minister").orElseThrow().id());
    assertEquals("RUS", dict.resolve("Lavrov").orElseThrow().id());
    assertEquals("GEO", ActorDictionary.defaults().resolve("Georgia").orElseThrow().id());
  }

  @Test
  void aPersonWhosePrincipalIsUnknownStandsForThemselves() throws IOException {
    ActorDictionary dict =
        ActorDictionary.load(write(HEADER + "jane-doe\tperson\tJane Doe\tXYZ\n"));
    assertEquals("jane-doe", dict.resolve("Jane Doe").orElseThrow().id());
  }

  private DataException malformed(String rows) throws IOException {
    Path file = write(HEADER + rows);
    return assertThrows(DataException.class, () -> ActorDictionary.load(file));
  }

  /** Rows of a long file, which is parsed in chunks at once: "person-0 ... person-N". */
  private static StringBuilder people(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("person-").append(i).append("\tperson\tPerson Number").append(i).append("\t\t\n");
    }
    return sb;
  }

  @Test
  void aLongFileLoadsEveryRowAndReportsItsFirstProblemAsIfReadLineByLine() throws IOException {
    ActorDictionary dict = ActorDictionary.load(write(HEADER + people(20_000)));
    assertEquals(20_000, dict.actors().size());
    assertEquals("person-19999", dict.actors().get(19_999).id(), "file order is kept");
    assertEquals("person-12345", dict.resolve("Person Number12345").orElseThrow().id());
    // a problem late in the file (its own chunk) and an id defined twice across chunks, earlier
    StringBuilder rows = people(20_000);
    rows.append("bad\tcountry\tX\n");
    rows.insert(rows.indexOf("person-15000\t"), "person-3\tperson\tAgain\t\t\n");
    DataException e = malformed(rows.toString());
    assertEquals("id", e.field(), e.getMessage());
    assertEquals(15_002, e.line(), "the header is line 1, the rows before it 15,000");
    assertTrue(e.getMessage().contains("already defined on line 5"), e.getMessage());
    DataException late = malformed(people(20_000) + "bad\tcountry\tX\n");
    assertEquals(20_002, late.line());
    assertEquals("kind", late.field());
  }

  @Test
  void anUnknownKindNamesTheFileLineAndField() throws IOException {
    DataException e = malformed("FRE\tstate\tFreedonia\n\nXX\tcountry\tX\n");
    assertEquals(4, e.line());
    assertEquals("kind", e.field());
    assertTrue(e.getMessage().startsWith(dir.resolve("custom.tsv") + ":4: field 'kind'"),
        e.getMessage());
  }

  @Test
  void aBadIdIsReported() throws IOException {
    DataException e = malformed("France\tstate\tFrance\n");
    assertEquals("id", e.field());
    assertEquals(2, e.line());
  }

  @Test
  void aMissingNameIsReported() throws IOException {
    assertEquals("name", malformed("FRE\tstate\n").field());
  }

  @Test
  void tooManyColumnsAreReported() throws IOException {
    assertTrue(malformed("FRE\tstate\tF\t\t\t\t\textra\n").getMessage()
        .contains("8 tab-separated"));
  }

  @Test
  void anAliasNamingTwoActorsIsReported() throws IOException {
    DataException e = malformed("FRE\tstate\tFreedonia\t\tFree\nSYL\tstate\tSylvania\t\tFree\n");
    assertEquals("aliases", e.field());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("already names FRE on line 2"), e.getMessage());
  }

  @Test
  void aDuplicateIdIsReported() throws IOException {
    assertTrue(malformed("FRE\tstate\tA\nFRE\tstate\tB\n").getMessage()
        .contains("already defined on line 2"));
  }

  @Test
  void aStateWithAParentIsReported() throws IOException {
    assertEquals("parent", malformed("FRE\tstate\tA\tun\n").field());
  }

  @Test
  void aMissingHeaderIsReported() throws IOException {
    Path file = write("FRE\tstate\tFreedonia\n");
    DataException e = assertThrows(DataException.class, () -> ActorDictionary.load(file));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("header"));
  }

  @Test
  void invalidUtf8IsReported() throws IOException {
    Path file = dir.resolve("latin1.tsv");
    byte[] latin1 = (HEADER + "FRE\tstate\tFr\u00e9donia\n").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, latin1);
    DataException e = assertThrows(DataException.class, () -> ActorDictionary.load(file));
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
  }

  @Test
  void aMissingFileIsReported() {
    DataException e = assertThrows(DataException.class,
        () -> ActorDictionary.load(dir.resolve("nope.tsv")));
    assertTrue(e.getMessage().endsWith("does not exist"));
  }

  @Test
  void theBundledDictionaryLoadsOnceAndHoldsOrganisationsAndPeople() {
    assertTrue(ActorDictionary.defaults() == ActorDictionary.defaults());
    ActorDictionary dict = ActorDictionary.defaults();
    for (String id : List.of("un", "un-security-council", "un-general-assembly", "nato", "eu",
        "european-commission", "european-council", "european-parliament", "osce",
        "osce-minsk-group", "csto", "african-union", "asean", "arab-league", "oic", "gcc", "g7",
        "g20", "brics", "sco", "cis", "council-of-europe", "icrc", "iaea", "who", "unhcr",
        "ecowas", "igad", "opec", "oas")) {
      assertEquals(ActorKind.ORGANISATION, dict.byId(id).orElseThrow(() -> new AssertionError(id))
          .kind(), id);
    }
    for (String id : List.of("PSE", "VAT", "XKX", "TWN")) {
      assertEquals(ActorKind.STATE, dict.byId(id).orElseThrow().kind(), id);
    }
    Actor putin = dict.actors().stream().filter(a -> a.name().equals("Vladimir Putin"))
        .findFirst().orElseThrow();
    assertEquals(ActorKind.PERSON, putin.kind());
    assertEquals("RUS", dict.parent(putin).orElseThrow().id());
  }

  @Test
  void publishersNameTheIssuerOfDocumentsOnTheirDomains() throws IOException {
    ActorDictionary d = ActorDictionary.load(write(
        "id\tkind\tname\tparent\taliases\tdemonyms\tmetonyms\tpublishers\n"
            + "FRE\tstate\tFreedonia\t\t\t\t\tgov.fr.example|fredville.example\n"
            + "SYL\tstate\tSylvania\n"
            + "league\torganisation\tLeague\t\t\t\t\tpress.gov.fr.example\n"));
    assertEquals("FRE", d.publisher("https://www.gov.fr.example/news/talks?x=1").orElseThrow().id());
    assertEquals("FRE", d.publisher("http://fredville.example").orElseThrow().id());
    assertEquals("league", d.publisher("https://press.gov.fr.example/a").orElseThrow().id(),
        "the longest listed domain wins");
    assertTrue(d.publisher("https://notgov.fr.example.com/a").isEmpty(), "only whole labels count");
    assertTrue(d.publisher("https://evil-fredville.example/a").isEmpty());
    assertTrue(d.publisher("article.txt").isEmpty(), "a file name is not a web address");
    assertTrue(d.publisher("-").isEmpty());
  }

  @Test
  void bundledPublishersAreOfficialDomainsOnly() {
    ActorDictionary d = ActorDictionary.defaults();
    assertEquals("GBR", d.publisher("https://www.gov.uk/government/news/pm-call").orElseThrow().id());
    assertEquals("USA", d.publisher("https://www.state.gov/readout/").orElseThrow().id());
    assertTrue(d.publisher("https://www.bbc.co.uk/news/world").isEmpty());
  }

  @Test
  void extendingAddsPublishers() throws IOException {
    ActorDictionary mine = ActorDictionary.load(write(
        "id\tkind\tname\tparent\taliases\tdemonyms\tmetonyms\tpublishers\n"
            + "GBR\tstate\tUnited Kingdom\t\t\t\t\tfcdo.example\n"));
    ActorDictionary d = ActorDictionary.defaults().extendWith(mine);
    assertEquals("GBR", d.publisher("https://fcdo.example/x").orElseThrow().id());
    assertEquals("GBR", d.publisher("https://gov.uk/x").orElseThrow().id());
  }

  @Test
  void aBadOrRepeatedPublisherDomainIsReported() throws IOException {
    String header = "id\tkind\tname\tparent\taliases\tdemonyms\tmetonyms\tpublishers\n";
    DataException bad = assertThrows(DataException.class, () -> ActorDictionary.load(
        write(header + "FRE\tstate\tFreedonia\t\t\t\t\thttps://gov.example\n")));
    assertEquals("publishers", bad.field());
    assertTrue(bad.getMessage().contains("custom.tsv:2"), bad.getMessage());
    DataException twice = assertThrows(DataException.class, () -> ActorDictionary.load(write(
        header + "FRE\tstate\tFreedonia\t\t\t\t\tgov.example\n"
            + "SYL\tstate\tSylvania\t\t\t\t\tgov.example\n")));
    assertTrue(twice.getMessage().contains("already listed on line 2"), twice.getMessage());
    assertEquals("publishers", assertThrows(DataException.class, () -> ActorDictionary.load(
        write(header + "x\tignore\tFreedonia Avenue\t\t\t\t\tgov.example\n"))).field());
  }
}
