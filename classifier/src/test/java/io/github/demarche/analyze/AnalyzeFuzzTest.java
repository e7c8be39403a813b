package io.github.demarche.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.demarche.Demarche;
import io.github.demarche.api.Analyzer;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Statement;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@code analyze} (Jazzer): any text, decoded from the fuzzer's bytes
 * as UTF-8 with replacement, is analysed without an exception, and every statement found is the
 * text at its span, in order, with scores in [0, 1]. A normal build replays the inputs stored
 * under {@code src/test/resources/io/github/demarche/analyze/AnalyzeFuzzTestInputs/}.
 */
class AnalyzeFuzzTest {
  private static final Analyzer ANALYZER = Demarche.analyzer();

  @FuzzTest(maxDuration = "3m")
  void analyzesAnyText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<Statement> statements = ANALYZER.analyze(new Document("fuzz", text));
    int lastStart = -1;
    for (Statement s : statements) {
      assertEquals(text.substring(s.start(), s.end()), s.text());
      assertTrue(s.start() >= lastStart, "statements in document order");
      lastStart = s.start();
      for (Position p : s.positions()) {
        assertTrue(p.score() >= 0 && p.score() <= 1, p.toString());
      }
    }
  }
}
