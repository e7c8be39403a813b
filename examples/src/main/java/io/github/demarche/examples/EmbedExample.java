package io.github.demarche.examples;

// README-IMPORTS-START
import io.github.demarche.Demarche;
import io.github.demarche.api.Analyzer;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
// README-IMPORTS-END
import java.io.IOException;

/**
 * Embedding Demarche: analyses a news article with the default model and prints who said what,
 * the actor each speaker speaks for, and the positions taken. The body of {@link #analyze(Path)}
 * is the Java snippet of the project README (a test keeps the two equal). Stateless and
 * thread-safe.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl examples -am process-classes
 * -Dexample=EmbedExample [-Dexec.args=ARTICLE.txt]}.
 */
public final class EmbedExample {
  /** The article analysed when no file is given: an invented wire report (see its README). */
  public static final String DEFAULT_ARTICLE = "examples/articles/border-talks.txt";

  private EmbedExample() {}

  public static void main(String[] args) throws IOException {
    analyze(Path.of(args.length > 0 ? args[0] : DEFAULT_ARTICLE));
  }

  /** Prints, for every statement of the article, its speaker, actor, text and positions. */
  static void analyze(Path file) throws IOException {
    // README-SNIPPET-START
    Analyzer analyzer = Demarche.analyzer();  // default model and actors; thread-safe, build it once
    String text = Files.readString(file);     // file: a Path to a news article, UTF-8 text
    for (Statement s : analyzer.analyze(new Document(file.toString(), text))) {
      String who = s.speakerIfAny().map(Speaker::mention).orElse("(no speaker found)");
      String actor = s.speakerIfAny().flatMap(Speaker::actorIfAny).map(Actor::id).orElse("?");
      System.out.printf("%s [%s]: %s%n", who, actor, s.text());
      for (Position p : s.positions()) {     // best first; targets are actor ids
        System.out.printf("    %-22s %.2f %s%n", p.label(), p.score(), p.targets());
      }
    }
    // README-SNIPPET-END
  }
}
