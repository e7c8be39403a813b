package io.github.demarche.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code demarche analyze}: finds statements, speakers and positions in a news article. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyse a news article: statements, speakers, positions.")
final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "-")
  String input;

  @Override
  public Integer call() {
    throw new Main.UsageException("analyze is not available yet in this build");
  }
}
