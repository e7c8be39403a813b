package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze} on ordinary and odd text: no crash in the table, exact text in JSON Lines. */
class AnalyzeOutputExactnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void speakersWithLongActorIdsFitTheTableInsteadOfCrashing() throws IOException {
    String[] texts = {
        "The UN Security Council and the UN General Assembly called for restraint.",
        "France, Germany, Italy, Spain, Poland, Austria, Belgium and Greece said they would"
            + " send aid.",
    };
    for (String text : texts) {
      Path file = Files.writeString(dir.resolve("a.txt"), text + "\n");
      CliBadInputTest.Run r = CliBadInputTest.run("analyze", file.toString());
      assertEquals(0, r.code(), text + ": " + r.err());
      assertFalse(r.err().contains("internal error"), r.err());
      for (String line : r.out().lines().skip(1).toList()) {
        // "#", speaker and positions columns keep their widths: the statement starts at 4+1+37+37
        assertTrue(line.length() > 79 && line.charAt(41) == ' ' && line.charAt(78) == ' ', line);
      }
    }
  }

  @Test
  void aLoneSurrogateIsWrittenEscapedSoTextEqualsTheInputAtItsSpan() throws IOException {
    String text = "Iran said on Monday it would respond \uD800 to any attack.";
    Path file = Files.writeString(dir.resolve("docs.jsonl"),
        "{\"id\":\"d\",\"text\":\"Iran said on Monday it would respond \\uD800 to any attack.\"}\n");
    CliBadInputTest.Run r = CliBadInputTest.run("analyze", "--format", "jsonl",
        "--input-format", "jsonl", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\\uD800"), r.out());
    int statements = 0;
    for (String line : r.out().lines().toList()) {
      JsonNode o = JSON.readTree(line);
      assertEquals(text.substring(o.get("start").asInt(), o.get("end").asInt()), o.get("text").asText());
      statements++;
    }
    assertTrue(statements > 0);
  }

  @Test
  void paragraphsOfInvisibleCharactersOnlyAreNoStatements() throws IOException {
    Path file = Files.writeString(dir.resolve("a.txt"), "Iran said it would respond.\n\n"
        + "\u00A0\u00A0\u200B\n\n\u2007\u0085\u2028\n\nThe UN called for restraint.\n");
    CliBadInputTest.Run r = CliBadInputTest.run("analyze", "--format", "jsonl", file.toString());
    assertEquals(0, r.code(), r.err());
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (String line : r.out().lines().toList()) {
      texts.add(JSON.readTree(line).get("text").asText());
    }
    assertEquals(java.util.List.of("Iran said it would respond.", "The UN called for restraint."), texts);
  }

  @Test
  void standardInputNamedTwiceIsRefusedNotReadEmpty() {
    CliBadInputTest.Run r = CliBadInputTest.run("analyze", "-", "-");
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertEquals("demarche: standard input (-) can be read only once; name it once", r.err().strip());
  }
}
