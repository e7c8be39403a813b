package io.github.demarche.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.Demarche;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedExampleTest {
  private static final Path ARTICLE = Path.of("articles/border-talks.txt");

  private static String run(Path file) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      EmbedExample.analyze(file);
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsOneHeaderLinePerStatementTheAnalyzerFinds() throws Exception {
    List<Statement> statements =
        Demarche.analyzer().analyze(new Document("a", Files.readString(ARTICLE)));
    String out = run(ARTICLE);
    long headers = out.lines().filter(l -> !l.startsWith("    ")).count();
    long positions = out.lines().filter(l -> l.startsWith("    ")).count();
    assertEquals(statements.size(), headers, out);
    assertEquals(statements.stream().mapToLong(s -> s.positions().size()).sum(), positions, out);
    for (Statement s : statements) {
      assertTrue(out.contains(s.text()), "missing statement: " + s.text());
    }
  }

  @Test
  void namesSpeakersWithTheirActorsAndPositions() throws Exception {
    String out = run(ARTICLE);
    String azerbaijan = out.lines().filter(l -> l.startsWith("The Azerbaijani foreign ministry [AZE]"))
        .findFirst().orElseThrow(() -> new AssertionError("no AZE statement in\n" + out));
    String after = out.substring(out.indexOf(azerbaijan) + azerbaijan.length());
    assertTrue(after.lines().skip(1).takeWhile(l -> l.startsWith("    "))
        .anyMatch(l -> l.trim().startsWith("accusation") && l.contains("[ARM]")), out);
    assertTrue(out.contains("European Council President Antonio Costa [european-council]: "), out);
    assertTrue(out.contains("Russian Foreign Ministry spokeswoman Maria Zakharova [RUS]: "), out);
  }

  @Test
  void aMissingArticleFailsWithTheFileName() {
    Path missing = Path.of("articles/no-such-article.txt");
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> EmbedExample.analyze(missing));
    assertTrue(e.getMessage().contains("no-such-article.txt"), e.getMessage());
  }
}
