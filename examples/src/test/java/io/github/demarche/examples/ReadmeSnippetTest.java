package io.github.demarche.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The project README's Java snippet (the first {@code java} block after the heading "## Java
 * API") must be EmbedExample's marked imports, a blank line, then its marked snippet, up to
 * indentation and trailing spaces: the README shows code that compiles and is tested.
 */
class ReadmeSnippetTest {
  private static final Path README = Path.of("../README.md");
  private static final Path SOURCE =
      Path.of("src/main/java/io/github/demarche/examples/EmbedExample.java");

  @Test
  void readmeJavaBlockIsTheEmbedExample() throws IOException {
    List<String> source = Files.readAllLines(SOURCE);
    List<String> expected = new ArrayList<>(normalise(region(source, "README-IMPORTS")));
    expected.add("");
    expected.addAll(normalise(region(source, "README-SNIPPET")));
    List<String> readme = readmeBlock(Files.readAllLines(README));
    assertEquals(String.join("\n", expected), String.join("\n", normalise(readme)),
        "README.md's Java block differs from EmbedExample; paste this under '## Java API':\n"
            + "```java\n" + String.join("\n", expected) + "\n```");
  }

  @Test
  void normaliseRemovesCommonIndentButKeepsRelativeIndent() {
    assertEquals(List.of("a {", "  b;", "}"), normalise(List.of("    a {", "      b;  ", "    }")));
  }

  /** The lines strictly between {@code // NAME-START} and {@code // NAME-END}. */
  static List<String> region(List<String> lines, String name) {
    int start = indexOf(lines, "// " + name + "-START", 0);
    int end = indexOf(lines, "// " + name + "-END", start + 1);
    return lines.subList(start + 1, end);
  }

  /** The body of the first java code block after the heading "## Java API". */
  static List<String> readmeBlock(List<String> lines) {
    int heading = indexOf(lines, "## Java API", 0);
    int open = indexOf(lines, "```java", heading + 1);
    int close = indexOf(lines, "```", open + 1);
    return lines.subList(open + 1, close);
  }

  private static int indexOf(List<String> lines, String marker, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("no line '" + marker + "' (from line " + (from + 1) + ")");
  }

  /** Trailing spaces dropped, then the indentation common to all non-blank lines. */
  static List<String> normalise(List<String> lines) {
    List<String> stripped = lines.stream().map(String::stripTrailing).toList();
    int indent = stripped.stream().filter(l -> !l.isEmpty())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return stripped.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList();
  }
}
