package io.github.demarche.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir Path dir;

  private String file(String content) throws IOException {
    Path p = dir.resolve("data.jsonl");
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void readsLabelsArrayOrSingleLabelAndTarget() throws IOException {
    String f = file("{\"id\":\"a\",\"text\":\"We condemn it.\",\"labels\":[\"accusation\",\"concern\"],\"source\":\"s1\",\"extra\":1}\n"
        + "\n"
        + "{\"text\":\"Against it.\",\"label\":\"AGAINST\",\"target\":\"Brexit\"}\n");
    List<Example> ex = Datasets.read(f);
    assertEquals(2, ex.size());
    assertEquals(List.of("accusation", "concern"), ex.get(0).labels());
    assertEquals("s1", ex.get(0).group());
    assertEquals("Brexit", ex.get(1).target());
    assertNull(ex.get(1).id());
  }

  @Test
  void acceptsByteOrderMarkAndCrlf() throws IOException {
    String f = file("\uFEFF{\"text\":\"a\",\"label\":\"x\"}\r\n{\"text\":\"b\",\"label\":\"y\"}\r\n");
    assertEquals(List.of("x"), Datasets.read(f).get(0).labels());
    assertEquals(2, Datasets.read(f).size());
  }

  @Test
  void errorsNameFileLineAndField() throws IOException {
    String f = file("{\"text\":\"ok\",\"label\":\"x\"}\n{\"labels\":[\"x\"]}\n");
    DataException e = assertThrows(DataException.class, () -> Datasets.read(f));
    assertEquals(2, e.line());
    assertEquals("text", e.field());
    assertEquals(f + ":2: field 'text' is missing", e.getMessage());
  }

  @Test
  void wrongTypesAreReported() throws IOException {
    assertEquals("labels", assertThrows(DataException.class,
        () -> Datasets.read(file("{\"text\":\"a\",\"labels\":\"x\"}\n"))).field());
    assertEquals("text", assertThrows(DataException.class,
        () -> Datasets.read(file("{\"text\":5,\"labels\":[\"x\"]}\n"))).field());
    assertEquals("labels", assertThrows(DataException.class,
        () -> Datasets.read(file("{\"text\":\"a\",\"labels\":[]}\n"))).field());
    assertEquals("text", assertThrows(DataException.class,
        () -> Datasets.read(file("{\"text\":\"  \",\"labels\":[\"x\"]}\n"))).field());
  }

  @Test
  void lineThatIsNotJsonIsReportedNotSkipped() throws IOException {
    DataException e = assertThrows(DataException.class,
        () -> Datasets.read(file("{\"text\":\"a\",\"label\":\"x\"}\n{oops\n")));
    assertEquals(2, e.line());
    assertEquals(true, e.getMessage().contains("is not valid JSON"), e.getMessage());
    DataException arr = assertThrows(DataException.class, () -> Datasets.read(file("[1,2]\n")));
    assertEquals(true, arr.getMessage().contains("not a JSON object"), arr.getMessage());
  }

  @Test
  void emptyMissingAndNonUtf8FilesAreReported() throws IOException {
    assertEquals(true, assertThrows(DataException.class, () -> Datasets.read(file("\n\n")))
        .getMessage().endsWith("holds no records"));
    assertEquals(true, assertThrows(DataException.class,
        () -> Datasets.read(dir.resolve("nope.jsonl").toString())).getMessage().endsWith("no such file"));
    Path bad = dir.resolve("latin1.jsonl");
    Files.write(bad, new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
    DataException e = assertThrows(DataException.class, () -> Datasets.read(bad.toString()));
    assertEquals(1, e.line());
    assertEquals(true, e.getMessage().contains("UTF-8"), e.getMessage());
  }
}
