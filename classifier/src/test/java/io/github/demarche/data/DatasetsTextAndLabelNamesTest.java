package io.github.demarche.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.demarche.api.StanceInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label names are checked where they are read; text of invisible characters only is empty. */
class DatasetsTextAndLabelNamesTest {
  @TempDir Path dir;

  private String file(String content) throws IOException {
    Path p = dir.resolve("d.jsonl");
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void aBadLabelNameIsReportedWithFileLineAndField() throws IOException {
    String f = file("{\"text\":\"a\",\"label\":\"ok\"}\n{\"text\":\"b\",\"labels\":[\"ok\",\"has space\"]}\n");
    DataException e = assertThrows(DataException.class, () -> Datasets.read(f));
    assertEquals(f + ":2: field 'labels' label name 'has space' may hold only letters, digits and _ . : + -",
        e.getMessage());
    String g = file("{\"text\":\"a\",\"label\":\"a/b\"}\n");
    DataException single = assertThrows(DataException.class, () -> Datasets.read(g));
    assertEquals(g + ":1: field 'label' label name 'a/b' may hold only letters, digits and _ . : + -",
        single.getMessage());
  }

  @Test
  void textOfNoBreakSpacesNelOrZeroWidthCharactersIsEmpty() throws IOException {
    String[] invisible = {"\\u00A0\\u00A0", "\\u0085", "\\u200B\\u200C\\u200D", "\\uFEFF",
        "\\u2007\\u202F\\u3000", "\\u2028\\u2029", "\\u200E\\u202E", " \\u00A0\\t\\u200B "};
    for (String text : invisible) {
      String f = file("{\"text\":\"" + text + "\",\"label\":\"x\"}\n");
      DataException e = assertThrows(DataException.class, () -> Datasets.read(f), text);
      assertEquals(f + ":1: field 'text' is empty", e.getMessage(), text);
    }
    assertThrows(IllegalArgumentException.class, () -> StanceInput.of("\u00A0\u200B"));
    assertThrows(IllegalArgumentException.class, () -> new StanceInput("ok", "\u00A0"));
    // a target of invisible characters only is no target
    String f = file("{\"text\":\"We condemn it.\",\"target\":\"\\u00A0\",\"label\":\"x\"}\n");
    assertEquals(null, Datasets.read(f).get(0).target());
    // visible text with such characters around it is text
    String g = file("{\"text\":\"\\u00A0We condemn it.\\u200B\",\"label\":\"x\"}\n");
    assertEquals("\u00A0We condemn it.\u200B", Datasets.read(g).get(0).text());
  }

  @Test
  void theExclusiveNoneWithOtherLabelsIsAContradictionNamedByLine() throws IOException {
    String f = file("{\"text\":\"a\",\"labels\":[\"concern\"]}\n{\"text\":\"b\",\"labels\":[\"concern\",\"none\"]}\n");
    DataException e = assertThrows(DataException.class, () -> Datasets.read(f));
    assertEquals(f + ":2: field 'labels' gives 'none' with other labels; 'none' means that no other"
        + " label applies", e.getMessage());
  }

  @Test
  void aSourceOfTheWrongTypeIsAnErrorNotAnUngroupedRecord() throws IOException {
    String f = file("{\"text\":\"a\",\"label\":\"x\",\"source\":\"s\"}\n{\"text\":\"b\",\"label\":\"x\",\"source\":17}\n");
    DataException e = assertThrows(DataException.class, () -> Datasets.read(f));
    assertEquals(f + ":2: field 'source' must be a string, found a number", e.getMessage());
    String g = file("{\"text\":\"a\",\"label\":\"x\",\"source\":null}\n{\"text\":\"b\",\"label\":\"x\",\"source\":\" \"}\n");
    assertEquals(null, Datasets.read(g).get(0).group());
    assertEquals(null, Datasets.read(g).get(1).group());
  }
}
