package io.github.demarche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.Analyzer;
import io.github.demarche.data.DataException;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.taxonomy.Taxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code demarche analyze}: finds statements, speakers and positions in news articles; with
 * {@code --summary}, counts the positions each actor takes over all the documents.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Analyse news articles (UTF-8 text, paragraphs separated by blank lines):"
        + " statements, who made them, and the positions they take.",
        "With --summary: a table of actors by positions (counts) over all the documents."})
final class AnalyzeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = JsonLines.mapper();
  private static final int SHORT_TEXT = 72;

  /** The output formats. */
  enum Format { table, jsonl, csv }

  /** How FILE arguments are read. */
  enum InputFormat { text, jsonl }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "default",
      description = "a model file, or 'default' (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (for people), jsonl (one JSON object per statement, or per actor"
          + " with --summary) or csv (for spreadsheets) (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--summary",
      description = "print only the counts of positions by speaker actor over all documents")
  boolean summary;

  @Option(names = "--input-format", paramLabel = "KIND", defaultValue = "text",
      description = "text: each FILE is one article; jsonl: each FILE holds one document a line"
          + " (text, optional id or doc_id) (default: ${DEFAULT-VALUE})")
  InputFormat inputFormat;

  @Parameters(arity = "0..*", paramLabel = "FILE", defaultValue = "-",
      description = "the articles, or - for standard input (default)")
  List<String> inputs;

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
    Analyzer analyzer = analyzers.apply(model);
    PrintWriter out = spec.commandLine().getOut();
    boolean several = inputs.size() > 1 || inputFormat == InputFormat.jsonl;
    PositionCounts counts = new PositionCounts();
    if (!summary && format == Format.csv) {
      out.println(String.join(",", CSV_HEADER));
    }
    forEachDocument(document -> {
      List<Statement> statements = analyzer.analyze(document);
      if (summary) {
        statements.forEach(counts::add);
      } else {
        print(out, document.id(), several, statements);
      }
    });
    if (summary) {
      switch (format) {
        case table -> out.print(counts.table());
        case csv -> out.print(counts.csv());
        case jsonl -> counts.jsonl().forEach(o -> out.println(o.toString()));
      }
    }
    out.flush();
    return 0;
  }

  /** Reads every document of the inputs, in order, and hands it to {@code sink}. */
  private void forEachDocument(java.util.function.Consumer<Document> sink) {
    for (String input : inputs) {
      if (inputFormat == InputFormat.text) {
        sink.accept(new Document(input, read(input)));
        continue;
      }
      JsonLines.forEach(input, line -> {
        String text = Datasets.requiredText(input, line.number(), line.object());
        String id = Datasets.optionalString(input, line.number(), line.object(), "id");
        if (id == null) {
          id = Datasets.optionalString(input, line.number(), line.object(), "doc_id");
        }
        sink.accept(new Document(id != null ? id : input + ":" + line.number(), text));
      });
    }
  }

  /**
   * The statements of one document. JSON Lines and tables name the document only when there are
   * {@code several}; CSV rows always do.
   */
  private void print(PrintWriter out, String document, boolean several, List<Statement> statements) {
    switch (format) {
      case jsonl -> {
        for (Statement s : statements) {
          ObjectNode o = toJson(s);
          if (several) {
            o = JSON.createObjectNode().put("document", document).setAll(o);
          }
          out.println(o.toString());
        }
      }
      case csv -> {
        for (Statement s : statements) {
          out.println(csvRow(document, s));
        }
      }
      case table -> {
        if (several) {
          out.printf("== %s ==%n", document);
        }
        printTable(out, statements);
        if (several) {
          out.println();
        }
      }
    }
  }

  /** The columns of {@code --format csv}, one row per statement. */
  static final List<String> CSV_HEADER = List.of("document", "sentence", "start", "end",
      "speaker", "actor_id", "actor_name", "labels", "scores", "targets", "text");

  /**
   * One statement as a CSV row: the labels, their scores and their targets are lists in the same
   * order, separated by {@code ;}; the targets of one position are separated by {@code /}.
   */
  static String csvRow(String document, Statement s) {
    Speaker sp = s.speaker();
    Actor actor = sp == null ? null : sp.actor();
    List<String> labels = new ArrayList<>();
    List<String> scores = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (Position p : s.positions()) {
      labels.add(p.label());
      scores.add(String.format(Locale.ROOT, "%.4f", p.score()));
      targets.add(String.join("/", p.targets()));
    }
    return Stream.of(document, Integer.toString(s.sentence()),
            Integer.toString(s.start()), Integer.toString(s.end()), sp == null ? "" : sp.mention(),
            actor == null ? "" : actor.id(), actor == null ? "" : actor.name(),
            String.join(";", labels), String.join(";", scores), String.join(";", targets), s.text())
        .map(AnalyzeCommand::csvField).collect(Collectors.joining(","));
  }

  /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
  static String csvField(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /**
   * Counts of positions by the actor of their speaker. Statements without a speaker count under
   * "(no speaker)", speakers that resolve to no actor under "(unresolved)". Not thread-safe.
   */
  static final class PositionCounts {
    static final String NO_SPEAKER = "(no speaker)";
    static final String UNRESOLVED = "(unresolved)";
    /** Row key (actor id, or one of the two above) to label to count. */
    private final Map<String, Map<String, Integer>> byActor = new TreeMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Integer> byLabel = new HashMap<>();

    void add(Statement s) {
      String key = NO_SPEAKER;
      if (s.speaker() != null) {
        Actor actor = s.speaker().actor();
        key = actor == null ? UNRESOLVED : actor.id();
        if (actor != null) {
          names.put(actor.id(), actor.name());
        }
      }
      Map<String, Integer> row = byActor.computeIfAbsent(key, k -> new TreeMap<>());
      for (Position p : s.positions()) {
        row.merge(p.label(), 1, Integer::sum);
        byLabel.merge(p.label(), 1, Integer::sum);
      }
    }

    int count(String actor, String label) {
      return byActor.getOrDefault(actor, Map.of()).getOrDefault(label, 0);
    }

    /** Labels by how often they were taken, "none" last (it says no position was found). */
    List<String> labels() {
      return byLabel.keySet().stream()
          .sorted(Comparator.comparing((String l) -> l.equals(Taxonomy.NONE))
              .thenComparing(l -> -byLabel.get(l)).thenComparing(l -> l))
          .toList();
    }

    /** Actors by how many positions they took; the two catch-all rows last. */
    List<String> actors() {
      return byActor.keySet().stream()
          .sorted(Comparator.comparing((String a) -> a.startsWith("("))
              .thenComparing(a -> -total(a)).thenComparing(a -> a))
          .toList();
    }

    private int total(String actor) {
      return byActor.get(actor).values().stream().mapToInt(Integer::intValue).sum();
    }

    private String name(String actor) {
      return names.getOrDefault(actor, "");
    }

    String table() {
      List<String> labels = labels();
      List<String> actors = actors();
      int idWidth = Math.max(8, actors.stream().mapToInt(String::length).max().orElse(0));
      int nameWidth = Math.max(4, actors.stream().mapToInt(a -> name(a).length()).max().orElse(0));
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s %-" + nameWidth + "s", "ACTOR", "NAME"));
      labels.forEach(l -> sb.append(' ').append(l));
      sb.append(" total").append(System.lineSeparator());
      for (String a : actors) {
        sb.append(String.format(Locale.ROOT, "%-" + idWidth + "s %-" + nameWidth + "s", a, name(a)));
        for (String l : labels) {
          int c = count(a, l);
          sb.append(String.format(Locale.ROOT, " %" + l.length() + "s", c == 0 ? "." : c));
        }
        sb.append(String.format(Locale.ROOT, " %5d", total(a))).append(System.lineSeparator());
      }
      return sb.toString();
    }

    String csv() {
      List<String> labels = labels();
      StringBuilder sb = new StringBuilder("actor_id,actor_name");
      labels.forEach(l -> sb.append(',').append(csvField(l)));
      sb.append(",total").append(System.lineSeparator());
      for (String a : actors()) {
        sb.append(csvField(a)).append(',').append(csvField(name(a)));
        labels.forEach(l -> sb.append(',').append(count(a, l)));
        sb.append(',').append(total(a)).append(System.lineSeparator());
      }
      return sb.toString();
    }

    List<ObjectNode> jsonl() {
      List<ObjectNode> out = new ArrayList<>();
      for (String a : actors()) {
        ObjectNode o = JSON.createObjectNode().put("actor", a);
        if (names.containsKey(a)) {
          o.put("name", name(a));
        }
        ObjectNode counts = o.putObject("positions");
        labels().stream().filter(l -> count(a, l) > 0).forEach(l -> counts.put(l, count(a, l)));
        out.add(o.put("total", total(a)));
      }
      return out;
    }
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
      Speaker reporter = speaker.reportedBy(); // whose report gives these words, if another's
      if (reporter == null) {
        sp.putNull("reportedBy");
      } else {
        ObjectNode rb = sp.putObject("reportedBy").put("mention", reporter.mention());
        ArrayNode reporterIds = rb.putArray("actors");
        reporter.actors().forEach(a -> reporterIds.add(a.id()));
      }
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
