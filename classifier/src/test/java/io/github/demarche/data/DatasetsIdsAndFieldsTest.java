package io.github.demarche.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeated ids are errors naming both places; unknown fields are ignored; optional fields are typed. */
class DatasetsIdsAndFieldsTest {
  @TempDir Path dir;

  private String file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void aRepeatedIdInOneFileNamesBothLines() throws IOException {
    String f = file("a.jsonl", "{\"id\":\"s1\",\"text\":\"a\",\"label\":\"x\"}\n"
        + "{\"id\":\"s2\",\"text\":\"b\",\"label\":\"x\"}\n"
        + "{\"id\":\"s1\",\"text\":\"c\",\"label\":\"y\"}\n");
    DataException e = assertThrows(DataException.class, () -> Datasets.read(f));
    assertEquals(3, e.line());
    assertEquals("id", e.field());
    assertEquals(f + ":3: field 'id' repeats 's1', first seen at " + f + ":1; ids must be unique", e.getMessage());
  }

  @Test
  void aCopiedFileIsCaughtByItsIds() throws IOException {
    String f = file("a.jsonl", "{\"id\":\"s1\",\"text\":\"a\",\"label\":\"x\"}\n");
    String g = file("copy.jsonl", "{\"id\":\"s1\",\"text\":\"a\",\"label\":\"x\"}\n");
    DataException e = assertThrows(DataException.class, () -> Datasets.readAll(List.of(f, g)));
    assertEquals(g + ":1: field 'id' repeats 's1', first seen at " + f + ":1; ids must be unique", e.getMessage());
  }

  @Test
  void theSameFileGivenTwiceIsRefusedEvenWithoutIds() throws IOException {
    String f = file("a.jsonl", "{\"text\":\"a\",\"label\":\"x\"}\n");
    String same = dir.resolve("sub/../a.jsonl").toString();
    Files.createDirectories(dir.resolve("sub"));
    DataException e = assertThrows(DataException.class, () -> Datasets.readAll(List.of(f, same)));
    assertEquals(same + ": is given twice (also as " + f + "); its records would count twice",
        e.getMessage());
  }

  @Test
  void recordsWithoutIdsMayRepeatText() throws IOException {
    String f = file("a.jsonl", "{\"text\":\"a\",\"label\":\"x\"}\n{\"text\":\"a\",\"label\":\"x\"}\n");
    assertEquals(2, Datasets.read(f).size());
  }

  @Test
  void unknownFieldsOfAnyTypeAreIgnored() throws IOException {
    String f = file("a.jsonl", "{\"text\":\"a\",\"label\":\"x\",\"extra\":{\"deep\":[1,null,true]},\"n\":1e300}\n");
    Example e = Datasets.read(f).get(0);
    assertEquals("a", e.text());
    assertEquals(List.of("x"), e.labels());
  }

  @Test
  void optionalFieldsOfTheWrongTypeAreErrorsNotGuesses() throws IOException {
    DataException id = assertThrows(DataException.class,
        () -> Datasets.read(file("a.jsonl", "{\"id\":7,\"text\":\"a\",\"label\":\"x\"}\n")));
    assertEquals("id", id.field());
    assertEquals(true, id.getMessage().endsWith("field 'id' must be a string, found a number"), id.getMessage());
    DataException target = assertThrows(DataException.class,
        () -> Datasets.read(file("b.jsonl", "{\"target\":[\"x\"],\"text\":\"a\",\"label\":\"x\"}\n")));
    assertEquals("target", target.field());
    DataException label = assertThrows(DataException.class,
        () -> Datasets.read(file("c.jsonl", "{\"text\":\"a\",\"labels\":[\"x\",3]}\n")));
    assertEquals("labels", label.field());
    assertEquals(true, label.getMessage().contains("element 1"), label.getMessage());
  }

  @Test
  void emptyTextAndTextOfOnlyWhitespaceAreReported() throws IOException {
    assertEquals(f("a.jsonl") + ":1: field 'text' is empty", assertThrows(DataException.class,
        () -> Datasets.read(file("a.jsonl", "{\"text\":\"\",\"label\":\"x\"}\n"))).getMessage());
    assertEquals("text", assertThrows(DataException.class,
        () -> Datasets.read(file("b.jsonl", "{\"text\":\"\\u2003\\n\\t\",\"label\":\"x\"}\n"))).field());
    assertEquals(f("c.jsonl") + ":1: field 'text' is missing", assertThrows(DataException.class,
        () -> Datasets.read(file("c.jsonl", "{\"text\":null,\"label\":\"x\"}\n"))).getMessage());
  }

  private String f(String name) {
    return dir.resolve(name).toString();
  }
}
