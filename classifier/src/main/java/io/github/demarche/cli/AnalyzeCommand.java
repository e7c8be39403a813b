package io.github.demarche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.Analyzer;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche analyze}: finds statements, speakers and positions in a news article. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyse a news article (UTF-8 text, paragraphs separated by blank lines):"
        + " statements, who made them, and the positions they take.")
final class AnalyzeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = JsonLines.mapper();
  private static final int SHORT_TEXT = 72;

  /** The output formats. */
  enum Format { table, jsonl }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "default",
      description = "a model file, or 'default' (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (for people) or jsonl (one JSON object per statement)"
          + " (default: ${DEFAULT-VALUE})")
  Format format;

  @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "-",
      description = "the article, or - for standard input (default)")
  String input;

  private final Function<String, Analyzer> analyzers;

  AnalyzeCommand() {
    this(model -> Demarche.analyzer(Demarche.loadModel(model), ActorDictionary.defaults()));
  }

  /** A command that builds its analyzer from the model option with {@code analyzers}. */
  AnalyzeCommand(Function<String, Analyzer> analyzers) {
    this.analyzers = analyzers;
  }

  @Override
  public Integer call() {
    String text = read(input);
    Analyzer analyzer = analyzers.apply(model);
    List<Statement> statements = analyzer.analyze(new Document(input, text));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.jsonl) {
      for (Statement s : statements) {
        out.println(toJson(s).toString());
      }
    } else {
      printTable(out, statements);
    }
    out.flush();
    return 0;
  }

  /** The whole input as text; a byte-order mark is dropped, line ends are kept as they are. */
  static String read(String path) {
    try (BufferedReader reader = JsonLines.open(path)) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[1 << 14];
      for (int n; (n = reader.read(buf)) >= 0; ) {
        sb.append(buf, 0, n);
      }
      if (sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
        sb.deleteCharAt(0);
      }
      return sb.toString();
    } catch (CharacterCodingException e) {
      throw new DataException(path, 0, null, "is not valid UTF-8 text");
    } catch (IOException e) {
      throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
    }
  }

  static ObjectNode toJson(Statement s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("sentence", s.sentence());
    o.put("start", s.start());
    o.put("end", s.end());
    o.put("text", s.text());
    Speaker speaker = s.speaker();
    if (speaker == null) {
      o.putNull("speaker");
    } else {
      ObjectNode sp = o.putObject("speaker");
      sp.put("mention", speaker.mention());
      Actor actor = speaker.actor();
      if (actor == null) {
        sp.putNull("actor");
      } else {
        sp.putObject("actor").put("id", actor.id()).put("name", actor.name())
            .put("kind", actor.kind().name().toLowerCase(Locale.ROOT));
      }
      ArrayNode ids = sp.putArray("actors"); // every actor of a group speaker ("Both leaders")
      speaker.actors().forEach(a -> ids.add(a.id()));
    }
    ArrayNode positions = o.putArray("positions");
    for (Position p : s.positions()) {
      ObjectNode po = positions.addObject();
      po.put("label", p.label()).put("score", Math.round(p.score() * 1e4) / 1e4);
      ArrayNode targets = po.putArray("targets");
      p.targets().forEach(targets::add);
    }
    return o;
  }

  private static void printTable(PrintWriter out, List<Statement> statements) {
    out.printf("%-4s %-36s %-36s %s%n", "#", "SPEAKER [ACTOR]", "POSITIONS (score ->targets)",
        "STATEMENT");
    for (Statement s : statements) {
      out.printf("%-4d %-36s %-36s %s%n", s.sentence(), speakerCell(s, 36),
          shorten(positionsCell(s), 36), shorten(s.text().replaceAll("\\s+", " "), SHORT_TEXT));
    }
  }

  /** The mention, shortened so that the actor id always shows. */
  private static String speakerCell(Statement s, int width) {
    Speaker sp = s.speaker();
    if (sp == null) {
      return "-";
    }
    String id = sp.actor() == null ? ""
        : " [" + String.join("/", sp.actors().stream().map(Actor::id).toList()) + "]";
    return shorten(sp.mention(), width - id.length()) + id;
  }

  private static String positionsCell(Statement s) {
    StringBuilder sb = new StringBuilder();
    for (Position p : s.positions()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(p.label()).append(String.format(Locale.ROOT, " %.2f", p.score()));
      if (!p.targets().isEmpty()) {
        sb.append(" ->").append(String.join("/", p.targets()));
      }
    }
    return sb.toString();
  }

  static String shorten(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }
}
