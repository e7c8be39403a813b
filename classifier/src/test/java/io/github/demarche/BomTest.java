package io.github.demarche;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code bom/pom.xml}, which has no parent (so that importing it does not pin the parent's
 * third-party versions): its version must follow the parent's, and it must list every library
 * artifact the reactor publishes.
 */
class BomTest {

  private static final Path ROOT = Path.of("..");
  private static final Set<String> LIBRARIES =
      Set.of("demarche-core", "demarche-classifier", "demarche-encoder", "demarche-training",
          "demarche-cli");

  @Test
  void bomHasTheParentVersionAndListsEveryLibraryArtifact() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    assertEquals(first(parent, "<artifactId>demarche-parent</artifactId>\\s*<version>([^<]+)"),
        first(bom, "<artifactId>demarche-bom</artifactId>\\s*<version>([^<]+)"),
        "bom/pom.xml must have the parent's version");
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("<artifactId>(demarche-[a-z]+)</artifactId>\\s*"
        + "<version>\\$\\{project.version}</version>").matcher(bom);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(new TreeSet<>(LIBRARIES), listed);
  }

  private static String first(String xml, String regex) {
    Matcher m = Pattern.compile(regex).matcher(xml);
    if (!m.find()) {
      throw new AssertionError("no match for " + regex);
    }
    return m.group(1);
  }
}
