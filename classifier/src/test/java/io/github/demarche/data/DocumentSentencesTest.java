package io.github.demarche.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole documents become one example per sentence, grouped by source; documents of excluded
 * sources are left out; a bad sentence names its place.
 */
class DocumentSentencesTest {
  @TempDir Path dir;

  private static final String DOCS =
      "{\"doc_id\":\"d1\",\"source\":\"https://a.example/1\",\"text\":\"...\",\"sentences\":["
          + "{\"text\":\"Talks were held.\",\"labels\":[\"none\"]},"
          + "{\"text\":\"We urge restraint.\",\"labels\":[\"de_escalation\",\"concern\"]}]}\n"
          + "{\"doc_id\":\"d2\",\"source\":\"https://b.example/2\",\"sentences\":["
          + "{\"text\":\"They lied.\",\"labels\":[\"accusation\"]}]}\n";

  private String file(String content) throws IOException {
    Path p = dir.resolve("documents.jsonl");
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void everySentenceIsAnExampleOfItsDocumentsSource() throws IOException {
    List<Example> all = DocumentSentences.read(file(DOCS), Set.of());
    assertEquals(3, all.size());
    assertEquals("d1-1", all.get(1).id());
    assertEquals("We urge restraint.", all.get(1).text());
    assertEquals(List.of("de_escalation", "concern"), all.get(1).labels());
    assertEquals("https://a.example/1", all.get(1).group());
    assertEquals("https://b.example/2", all.get(2).group());
  }

  @Test
  void documentsOfExcludedSourcesAreLeftOut() throws IOException {
    List<Example> unseen = DocumentSentences.read(file(DOCS), Set.of("https://a.example/1"));
    assertEquals(List.of("They lied."), unseen.stream().map(Example::text).toList());
    assertEquals(Set.of("https://b.example/2"), DocumentSentences.sourcesOf(unseen));
  }

  @Test
  void aSentenceWithoutLabelsNamesTheSentence() throws IOException {
    String f = file("{\"doc_id\":\"d1\",\"sentences\":[{\"text\":\"a\",\"labels\":[\"x\"]},"
        + "{\"text\":\"b\"}]}\n");
    DataException e = assertThrows(DataException.class, () -> DocumentSentences.read(f, Set.of()));
    assertEquals(1, e.line());
    assertEquals("sentences[1].labels", e.field());
  }

  @Test
  void aDocumentWithoutSentencesIsAnErrorNotASkip() throws IOException {
    String f = file("{\"doc_id\":\"d1\",\"text\":\"a whole text\"}\n");
    DataException e = assertThrows(DataException.class, () -> DocumentSentences.read(f, Set.of()));
    assertEquals("sentences", e.field());
  }

  @Test
  void excludingEverySourceLeavesNothingToMeasureAndSaysSo() throws IOException {
    String f = file(DOCS);
    DataException e = assertThrows(DataException.class, () -> DocumentSentences.read(f,
        Set.of("https://a.example/1", "https://b.example/2")));
    assertEquals(f + ": holds no sentences from documents of other sources than those excluded",
        e.getMessage());
  }
}
