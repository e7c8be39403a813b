package io.github.demarche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.Analyzer;
import io.github.demarche.data.DataException;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.JsonLines;
import io.github.demarche.data.Utf8Text;
import io.github.demarche.domain.Actor;
import io.github.demarche.documents.MetadataFields;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.DocumentMetadata;
import io.github.demarche.events.EventRecords;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.output.StatementJson;
import io.github.demarche.output.TargetsText;
import io.github.demarche.report.ArticlePage;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.output.JsonOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
  enum Format { table, jsonl, csv, html, events }

  /** How FILE arguments are read. */
  enum InputFormat { text, jsonl }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "default",
      description = "a model file, or 'default' (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (for people), jsonl (one JSON object per statement, or per actor"
          + " with --summary), csv (for spreadsheets), html (one self-contained page: the"
          + " articles with their statements highlighted, and actors by positions) or events (one"
          + " JSON object per speaker actor, position and target, with CAMEO and PLOVER codes;"
          + " docs/events.md)"
          + " (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "the date of the documents: people resolve for the roles they held then"
          + " (a jsonl document's own date field wins)")
  String date;

  @Option(names = "--url", paramLabel = "URL",
      description = "the web address the documents were published at (a jsonl url field wins)")
  String url;

  @Option(names = "--publisher", paramLabel = "NAME",
      description = "who published the documents: a web domain (gov.uk) or an actor's name"
          + " (a jsonl publisher field wins)")
  String publisher;

  @Option(names = "--summary",
      description = "print only the counts of positions by speaker actor over all documents")
  boolean summary;

  @Option(names = "--input-format", paramLabel = "KIND", defaultValue = "text",
      description = "text: each FILE is one article; jsonl: each FILE holds one document a line"
          + " (text, optional id or doc_id, url, date, publisher) (default: ${DEFAULT-VALUE}; a"
          + " FILE whose first line is a JSON object is refused unless --input-format is given)")
  InputFormat inputFormat;

  @Parameters(arity = "0..*", paramLabel = "FILE", defaultValue = "-",
      description = "the articles, or - for standard input (default)")
  List<String> inputs;

  private final Function<String, Analyzer> analyzers;

  AnalyzeCommand() {
    this(model -> Demarche.analyzer(EncoderFamily.load(model), ActorDictionary.defaults()));
  }

  /** A command that builds its analyzer from the model option with {@code analyzers}. */
  AnalyzeCommand(Function<String, Analyzer> analyzers) {
    this.analyzers = analyzers;
  }

  @Override
  public Integer call() {
    if (inputs.stream().filter("-"::equals).count() > 1) {
      // the second read would find it empty and print nothing for it, silently
      throw new Main.UsageException("standard input (-) can be read only once; name it once");
    }
    DocumentMetadata metadata = MetadataFields.fromOptions(url, date, publisher);
    Analyzer analyzer = analyzers.apply(model);
    PrintWriter out = spec.commandLine().getOut();
    boolean several = inputs.size() > 1 || inputFormat == InputFormat.jsonl;
    PositionCounts counts = new PositionCounts();
    if (!summary && format == Format.csv) {
      out.println(String.join(",", CSV_HEADER));
    }
    List<ArticlePage.Analysed> pages = new ArrayList<>();
    forEachDocument(metadata, document -> {
      List<Statement> statements = analyzer.analyze(document);
      if (format == Format.html) {
        pages.add(new ArticlePage.Analysed(document, statements));
      } else if (summary) {
        statements.forEach(counts::add);
      } else if (format == Format.events) {
        events().of(document, statements).forEach(o -> out.println(JsonOutput.line(o)));
      } else {
        print(out, document.id(), several, statements);
        // stop at the first failed write (a full disk, `| head`): the rest would go nowhere
        CheckedPrintWriter.check(out);
      }
    });
    if (format == Format.html) {
      out.print(ArticlePage.render("Demarche: " + String.join(", ", inputs), pages, !summary));
    } else if (summary) {
      switch (format) {
        case table -> out.print(counts.table());
        case csv -> out.print(counts.csv());
        case jsonl, events -> counts.jsonl().forEach(o -> out.println(JsonOutput.line(o)));
        default -> throw new IllegalStateException(format.name());
      }
    }
    out.flush();
    return 0;
  }

  /** Reads every document of the inputs, in order, and hands it to {@code sink}. */
  private void forEachDocument(DocumentMetadata metadata,
      java.util.function.Consumer<Document> sink) {
    for (String input : inputs) {
      if (inputFormat == InputFormat.text) {
        String text = read(input);
        if (!spec.commandLine().getParseResult().hasMatchedOption("--input-format")
            && JsonLinesGuess.looksLikeJsonLines(text)) {
          throw new Main.UsageException(JsonLinesGuess.refusal(input));
        }
        sink.accept(new Document(input, text, metadata));
        continue;
      }
      JsonLines.forEach(input, line -> {
        String text = Datasets.requiredText(input, line.number(), line.object());
        String id = Datasets.optionalString(input, line.number(), line.object(), "id");
        if (id == null) {
          id = Datasets.optionalString(input, line.number(), line.object(), "doc_id");
        }
        sink.accept(new Document(id != null ? id : input + ":" + line.number(), text,
            MetadataFields.fromRecord(input, line.number(), line.object(), metadata)));
      });
    }
  }

  /**
   * The statements of one document. Tables name the document only when there are {@code
   * several}; JSON Lines and CSV rows always do.
   */
  private void print(PrintWriter out, String document, boolean several, List<Statement> statements) {
    switch (format) {
      case jsonl -> statements.forEach(s -> out.println(StatementJson.line(document, s)));
      case csv -> {
        for (Statement s : statements) {
          out.println(csvRow(document, s));
        }
      }
      case events -> throw new IllegalStateException("events are printed by EventRecords");
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
      "speaker", "actor_id", "actor_name", "actor_cameo", "labels", "scores", "targets", "unresolved_targets", "text");

  /**
   * One statement as a CSV row: the labels, their scores, their targets (actor ids) and their
   * unresolved targets (parties as written) are lists in the same order, separated by {@code ;};
   * the targets of one position are separated by {@code /}.
   */
  static String csvRow(String document, Statement s) {
    Speaker sp = s.speaker();
    Actor actor = sp == null ? null : sp.actor();
    List<String> labels = new ArrayList<>();
    List<String> scores = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Position p : s.positions()) {
      labels.add(p.label());
      scores.add(String.format(Locale.ROOT, "%.4f", p.score()));
      targets.add(String.join("/", p.targets()));
      unresolved.add(String.join("/", p.unresolvedTargets()));
    }
    return Stream.of(document, Integer.toString(s.sentence()),
            Integer.toString(s.start()), Integer.toString(s.end()), sp == null ? "" : sp.mention(),
            actor == null ? "" : actor.id(), actor == null ? "" : actor.name(),
            actor == null || actor.cameo() == null ? "" : actor.cameo(),
            String.join(";", labels), String.join(";", scores), String.join(";", targets),
            String.join(";", unresolved), s.text())
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
    /** Statements per row: the total column counts statements, not positions. */
    private final Map<String, Integer> statements = new HashMap<>();

    void add(Statement s) {
      String key = NO_SPEAKER;
      if (s.speaker() != null) {
        Actor actor = s.speaker().actor();
        key = actor == null ? UNRESOLVED : actor.id();
        if (actor != null) {
          names.put(actor.id(), actor.name());
        }
      }
      statements.merge(key, 1, Integer::sum);
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

    /** The actor's statements (one with two positions counts once in each label's column). */
    private int total(String actor) {
      return statements.get(actor);
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

  /**
   * The whole input as text; a byte-order mark is dropped, line ends are kept as they are.
   *
   * @throws DataException naming the line and column of the first byte that is not UTF-8
   */
  static String read(String path) {
    byte[] bytes;
    try (InputStream in = JsonLines.openStream(path)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
    }
    String text = Utf8Text.decode(path, bytes);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The event records of {@code --format events}, target actors looked up in the dictionary. */
  private static EventRecords events() {
    return new EventRecords(JSON, Taxonomy.diplomatic(), ActorDictionary.defaults()::byId);
  }

  private static void printTable(PrintWriter out, List<Statement> statements) {
    out.printf("%-4s %-36s %-36s %s%n", "#", "SPEAKER [ACTOR]", "POSITIONS (score ->targets)",
        "STATEMENT");
    for (Statement s : statements) {
      out.printf("%-4d %-36s %-36s %s%n", s.sentence(), speakerCell(s, 36),
          shorten(positionsCell(s), 36), shorten(s.text().replaceAll("\\s+", " "), SHORT_TEXT));
    }
  }

  /**
   * The mention, shortened so that the actor ids show; ids longer than half the cell (a group of
   * eight states) are shortened too, so the cell never outgrows its width.
   */
  static String speakerCell(Statement s, int width) {
    Speaker sp = s.speaker();
    if (sp == null) {
      return "-";
    }
    String id = sp.actor() == null ? ""
        : " [" + shorten(String.join("/", sp.actors().stream().map(Actor::id).toList()),
            width / 2 - 3) + "]";
    return shorten(sp.mention(), width - id.length()) + id;
  }

  private static String positionsCell(Statement s) {
    StringBuilder sb = new StringBuilder();
    for (Position p : s.positions()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(p.label()).append(String.format(Locale.ROOT, " %.2f", p.score()));
      String targets = TargetsText.of(p);
      if (!targets.isEmpty()) {
        sb.append(" ->").append(targets);
      }
    }
    return sb.toString();
  }

  /** At most {@code width} characters: cut, with "..." when there is room, never inside a pair. */
  static String shorten(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    String dots = width >= 4 ? "..." : "";
    int cut = Math.max(0, width - dots.length());
    if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + dots;
  }
}
