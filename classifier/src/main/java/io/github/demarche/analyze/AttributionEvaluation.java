package io.github.demarche.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.actors.ActorMention;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.DocumentMetadata;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.extract.ActorResolver;
import io.github.demarche.extract.NewsStatementExtractor;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Measures attribution and analysis against the corpus: (a) for every train/dev record with a
 * speaker, whether the speaker found in the record's text alone has the same head noun phrase;
 * (b) over the whole documents of {@code documents.jsonl}, whether each sentence's speaker actor
 * is right, how often it is left unknown, and the label micro-F1 of the positions. Run with
 * {@code java -cp CLI_JAR io.github.demarche.analyze.AttributionEvaluation [CORPUS_DIR] [-v]
 * [--no-dictionary]}.
 * Stateless and thread-safe.
 */
public final class AttributionEvaluation {
  private AttributionEvaluation() {}

  /**
   * Figures of part (a): records with a gold speaker, how many matched by head noun phrase, how
   * many got no speaker, and of those whose gold mention the resolver resolves, how many got that
   * actor. Immutable and thread-safe.
   */
  public record RecordFigures(int records, int matched, int unknown, int goldResolved,
      int actorRight) {
    public double matchedShare() {
      return records == 0 ? 0 : (double) matched / records;
    }

    public double unknownShare() {
      return records == 0 ? 0 : (double) unknown / records;
    }
  }

  /**
   * Figures of part (b) over the sentences of whole documents: how many, how many with the right
   * speaker actor (none where the gold has none), how many where the gold names an actor, of those
   * right, left unknown and exactly right, gold mentions and how many matched, the label
   * micro-F1, and the same counts by {@link Phenomenon}. Immutable and thread-safe.
   */
  public record DocumentFigures(int sentences, int actorRight, int goldNamed, int goldNamedRight,
      int goldNamedUnknown, int strictRight, int goldMentions, int mentionsMatched,
      double labelMicroF1, Map<Phenomenon, PhenomenonFigures> byPhenomenon) {
    public DocumentFigures {
      byPhenomenon = Collections.unmodifiableMap(new EnumMap<>(byPhenomenon));
    }

    /** Share of the sentences whose gold names an actor that got a right one. */
    public double namedRightShare() {
      return goldNamed == 0 ? 0 : (double) goldNamedRight / goldNamed;
    }

    /** Share of the sentences whose gold names an actor that got none. */
    public double namedUnknownShare() {
      return goldNamed == 0 ? 0 : (double) goldNamedUnknown / goldNamed;
    }

    /** Share of the narration sentences (no gold speaker) that were left without a speaker. */
    public double narrationLeftShare() {
      PhenomenonFigures n = byPhenomenon.get(Phenomenon.NARRATION);
      return n == null || n.sentences() == 0 ? 0 : (double) n.right() / n.sentences();
    }
  }

  /**
   * How the gold speaker of a document sentence is given, worked out from the gold annotation and
   * the sentence (see {@link #phenomenon}). Each sentence counts under one, in this order of
   * precedence: narration, first person, group, pronoun, nested, then by the mention's form.
   */
  public enum Phenomenon {
    /** A person or an actor named: "Amir-Abdollahian", "Russia", "State Department Spokesperson Matthew Miller". */
    NAMED,
    /** An office without a name: "The Prime Minister", "The President of Uzbekistan". */
    TITLE_ONLY,
    /** A pronoun whose speaker was named before: "He began by ...". */
    PRONOUN,
    /** A role or body without a name: "the top Iranian diplomat", "An FCDO spokesperson". */
    DESCRIPTION,
    /** Several actors at once: "The two leaders", "They", "The President and the King". */
    GROUP,
    /** Reported inside another actor's report: "the statement said Raisi noted that ...". */
    NESTED,
    /**
     * The speaker is not in the sentence and no pronoun stands for it: the body of a speech or
     * statement ("We call on both parties ..."), quotation continued, or an editorial voice.
     */
    FIRST_PERSON,
    /** No speaker: the writer narrates. */
    NARRATION
  }

  /**
   * Counts for one phenomenon: sentences, how many got the right speaker actor (for narration:
   * were left without a speaker), and how many got no speaker actor. Immutable and thread-safe.
   */
  public record PhenomenonFigures(int sentences, int right, int unknown) {}

  public static void main(String[] args) {
    List<String> options = List.of(args);
    Path dir = Path.of(args.length > 0 && !args[0].startsWith("-") ? args[0]
        : "data/diplomatic-statements");
    ActorResolver actors;
    String which;
    if (options.contains("--no-dictionary")) {
      actors = ActorResolver.none();
      which = "none (mentions only)";
    } else {
      actors = ActorResolver.of(ActorDictionary.defaults());
      which = "bundled actor dictionary";
    }
    System.out.println("actors: " + which);
    boolean verbose = options.contains("-v");
    for (boolean agentsSpeak : new boolean[] {true, false}) {
      NewsStatementExtractor extractor = new NewsStatementExtractor(actors, agentsSpeak);
      System.out.println(agentsSpeak ? "subjects of other verbs speak (the default):"
          : "only verbs of saying and stance attribute:");
      for (String split : List.of("train", "dev")) {
        RecordFigures f = records(extractor, dir.resolve(split + ".jsonl").toString(), verbose);
        System.out.printf(Locale.ROOT, "(a) %s: %d records with a speaker; head NP matched"
            + " %.1f%%, unknown %.1f%%; actor right in %d of the %d whose gold mention the"
            + " dictionary resolves%n", split, f.records(), 100 * f.matchedShare(),
            100 * f.unknownShare(), f.actorRight(), f.goldResolved());
      }
      StatementAnalyzer analyzer = new StatementAnalyzer(extractor, Demarche.defaultModel());
      String documents = dir.resolve("documents.jsonl").toString();
      printDocuments("read as plain text", documents(analyzer, actors, documents, verbose, false));
      printDocuments("with the source URL as metadata",
          documents(analyzer, actors, documents, verbose, true));
      verbose = false;
    }
  }

  private static void printDocuments(String how, DocumentFigures d) {
    System.out.printf(Locale.ROOT, "(b) documents %s: %d sentences; speaker actor right %.1f%% of"
            + " all; where the gold names one (%d): right %.1f%%, exactly right %.1f%%, unknown"
            + " %.1f%%; narration left without a speaker %.1f%%; speaker mention matched %.1f%% of"
            + " %d; label micro-F1 %.3f%n",
        how, d.sentences(), 100.0 * d.actorRight() / d.sentences(), d.goldNamed(),
        100.0 * d.namedRightShare(), 100.0 * d.strictRight() / d.goldNamed(),
        100.0 * d.namedUnknownShare(), 100.0 * d.narrationLeftShare(),
        100.0 * d.mentionsMatched() / d.goldMentions(), d.goldMentions(), d.labelMicroF1());
    d.byPhenomenon().forEach((p, f) -> System.out.printf(Locale.ROOT,
        "    %-13s %4d sentences, right %5.1f%%, unknown %5.1f%%%n", p, f.sentences(),
        100.0 * f.right() / f.sentences(), 100.0 * f.unknown() / f.sentences()));
  }

  /** Part (a) over one JSON Lines file of statements. */
  public static RecordFigures records(
      NewsStatementExtractor extractor, String file, boolean verbose) {
    int[] counts = new int[5];
    JsonLines.forEach(file, line -> {
      JsonNode gold = line.object().get("speaker");
      if (gold == null || !gold.isTextual()) {
        return;
      }
      String text = line.object().path("text").asText();
      if (text.isBlank()) {
        throw new DataException(file, line.number(), "text", "is missing or blank");
      }
      String found = null;
      Actor foundActor = null;
      for (Statement s : extractor.extract(Document.of(text))) {
        if (s.speaker() != null) {
          found = s.speaker().mention();
          foundActor = s.speaker().actor();
          break;
        }
      }
      // where the gold mention names a state or organisation, the actor found must be it
      Actor goldActor = extractor.actors().resolve(gold.asText()).orElse(null);
      if (goldActor != null) {
        counts[3]++;
        counts[4] += goldActor.equals(foundActor) ? 1 : 0;
      }
      counts[0]++;
      if (found == null) {
        counts[2]++;
      } else if (sameHead(gold.asText(), found)) {
        counts[1]++;
      }
      if (verbose && (found == null || !sameHead(gold.asText(), found))) {
        System.out.println("  MISS gold=" + gold.asText() + " | found=" + found + " | " + text);
      }
    });
    return new RecordFigures(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }

  /**
   * Whether two speaker mentions have the same head noun phrase: compared in lower case, each cut
   * at its first comma or parenthesis (an apposition is not the head), without a leading article;
   * equal, or one ends with the other at a word boundary ("President of the European Council
   * Charles Michel" and "Charles Michel" share their head). A gold mention listing several
   * speakers ("A ... B", "A; B") matches any of them.
   */
  public static boolean sameHead(String gold, String found) {
    String f = head(found);
    for (String part : gold.split("\\.\\.\\.|;")) {
      String g = head(part);
      if (g.isEmpty() || f.isEmpty()) {
        continue;
      }
      if (g.equals(f) || g.endsWith(" " + f) || f.endsWith(" " + g)) {
        return true;
      }
    }
    return false;
  }

  static String head(String mention) {
    String m = mention.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
    int cut = m.length();
    for (char c : new char[] {',', '(', '\u2013', '\u2014'}) {
      int i = m.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    m = m.substring(0, cut).replaceAll("\\s+", " ").strip();
    for (String article : List.of("the ", "a ", "an ")) {
      if (m.startsWith(article)) {
        m = m.substring(article.length());
      }
    }
    return m;
  }

  /** Part (b) over {@code documents.jsonl}, each document read with its source URL as metadata (url). */
  public static DocumentFigures documents(
      StatementAnalyzer analyzer, ActorResolver actors, String file, boolean verbose) {
    return documents(analyzer, actors, file, verbose, true);
  }

  /**
   * Part (b) over {@code documents.jsonl}.
   *
   * @param withSource whether each document is read with its source URL as metadata (so that an
   *     official publisher's domain names the issuer), or as plain text under its corpus id
   */
  public static DocumentFigures documents(StatementAnalyzer analyzer, ActorResolver actors,
      String file, boolean verbose, boolean withSource) {
    int[] c = new int[8];
    long[] labels = new long[3]; // true positives, predicted, gold
    Map<Phenomenon, int[]> by = new EnumMap<>(Phenomenon.class);
    JsonLines.forEach(file, line -> {
      ObjectNode o = line.object();
      String text = o.path("text").asText();
      String corpusId = o.path("doc_id").asText("line " + line.number());
      // with the source, its URL comes as document metadata, as `analyze --url` gives it
      DocumentMetadata metadata = withSource && !o.path("source").asText("").isBlank()
          ? DocumentMetadata.NONE.withUrl(o.path("source").asText()) : DocumentMetadata.NONE;
      List<Statement> statements = analyzer.analyze(new Document(corpusId, text, metadata));
      int from = 0;
      for (JsonNode sentence : o.path("sentences")) {
        String st = sentence.path("text").asText();
        int at = text.indexOf(st, from);
        if (at < 0) {
          throw new DataException(file, line.number(), "sentences",
              "has a sentence that is not in the text: " + st);
        }
        from = at + st.length();
        Statement best = aligned(statements, at, at + st.length());
        Set<String> gold = goldActors(actors, sentence.path("speaker_actor"));
        JsonNode goldMention = sentence.path("speaker_mention");
        Speaker found = best == null ? null : best.speaker();
        if (goldMention.isTextual()) {
          c[6]++;
          c[7] += found != null && sameHead(goldMention.asText(), found.mention()) ? 1 : 0;
        }
        Set<String> predicted = predictedActors(best);
        boolean right = gold.isEmpty() ? predicted.isEmpty()
            : !predicted.isEmpty() && gold.containsAll(predicted);
        c[0]++;
        c[1] += right ? 1 : 0;
        if (!gold.isEmpty()) {
          c[2]++;
          c[3] += right ? 1 : 0;
          c[4] += predicted.isEmpty() ? 1 : 0;
          c[5] += gold.equals(predicted) ? 1 : 0;
        }
        Phenomenon p = phenomenon(actors, st,
            goldMention.isTextual() ? goldMention.asText() : null, gold.size());
        int[] counts = by.computeIfAbsent(p, k -> new int[3]);
        counts[0]++;
        counts[1] += p == Phenomenon.NARRATION ? (found == null ? 1 : 0) : (right ? 1 : 0);
        counts[2] += predicted.isEmpty() ? 1 : 0;
        if (verbose && (!right || (p == Phenomenon.NARRATION && found != null))) {
          System.out.println("  DOC " + corpusId + " " + p + " gold=" + goldMention.asText() + " "
              + gold + " | found=" + (found == null ? null : found.mention()) + " " + predicted
              + (found != null && found.reportedBy() != null
                  ? " reportedBy=" + found.reportedBy().mention() : "")
              + " | " + st);
        }
        Set<String> goldLabels = new HashSet<>();
        sentence.path("labels").forEach(l -> goldLabels.add(l.asText()));
        goldLabels.remove("none");
        Set<String> predictedLabels = new HashSet<>();
        if (best != null) {
          for (Position p2 : best.positions()) {
            predictedLabels.add(p2.label());
          }
        }
        predictedLabels.remove("none");
        for (String l : predictedLabels) {
          labels[0] += goldLabels.contains(l) ? 1 : 0;
        }
        labels[1] += predictedLabels.size();
        labels[2] += goldLabels.size();
      }
    });
    double f1 = labels[1] + labels[2] == 0 ? 0 : 2.0 * labels[0] / (labels[1] + labels[2]);
    Map<Phenomenon, PhenomenonFigures> figures = new EnumMap<>(Phenomenon.class);
    by.forEach((k, v) -> figures.put(k, new PhenomenonFigures(v[0], v[1], v[2])));
    return new DocumentFigures(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], f1, figures);
  }

  /** Words of reporting that put a speaker named after them inside someone else's report. */
  private static final Pattern REPORTING = Pattern.compile(
      "(?i)\\b(?:said|says|told|added|noted|stated|according to|statement|readout|quoted)\\b");
  private static final Pattern FIRST_PERSON = Pattern.compile(
      "(?i)\\b(?:I|we|our|us|my|me)\\b");
  private static final Pattern PRONOUN = Pattern.compile("(?i)\\b(?:he|she|it|they)\\b");
  /** Offices a person holds; a mention with one and no name is "title only". */
  private static final Pattern OFFICE = Pattern.compile(
      "(?i)\\b(?:president|prime minister|pm|minister|secretary|foreign secretary|chancellor|king"
          + "|queen|emir|crown prince|premier|ambassador|secretary-general|chairperson|chairman"
          + "|mayor|governor)\\b");
  /** Capitalised words that are not names: titles, articles, words of offices and bodies. */
  private static final Set<String> NOT_NAMES = Set.of("the", "of", "and", "for", "president",
      "prime", "minister", "ministry", "secretary", "foreign", "affairs", "state", "department",
      "chancellor", "king", "queen", "emir", "crown", "prince", "premier", "ambassador", "pm",
      "spokesperson", "spokesman", "spokeswoman", "deputy", "principal", "republic", "office",
      "general", "chairperson", "chairman", "commission", "council", "government", "an", "a",
      "this", "top");

  /**
   * How a gold speaker is given (see {@link Phenomenon}): narration without a gold actor; first
   * person when the gold mention is not in the sentence and no pronoun outside quotations stands
   * for it; group with several actors; pronoun when the mention is not in the sentence; nested
   * when it stands after a word of reporting ("said", "statement", "according to"); otherwise
   * named when the mention has a capitalised word
   * that is neither a title nor an actor's name, title only when it has an office, else
   * description (role words) or named (an actor's own name).
   */
  static Phenomenon phenomenon(ActorResolver actors, String sentence, String mention,
      int goldActors) {
    if (goldActors == 0) {
      return Phenomenon.NARRATION;
    }
    int at = mention == null ? -1
        : sentence.toLowerCase(Locale.ROOT).indexOf(mention.toLowerCase(Locale.ROOT));
    String outside = sentence.replaceAll("[\u201C\"][^\u201D\"]*[\u201D\"]?", " ");
    boolean pronoun = PRONOUN.matcher(outside).find() && !FIRST_PERSON.matcher(outside).find();
    if (at < 0 && mention != null && !pronoun) {
      return Phenomenon.FIRST_PERSON;
    }
    if (goldActors > 1) {
      return Phenomenon.GROUP;
    }
    if (at < 0) {
      return pronoun ? Phenomenon.PRONOUN : Phenomenon.FIRST_PERSON;
    }
    if (REPORTING.matcher(sentence.substring(0, at)).find()) {
      return Phenomenon.NESTED;
    }
    String rest = mention;
    for (ActorMention m : actors.find(mention)) {
      if (m.actor().kind() != ActorKind.PERSON) {
        rest = rest.substring(0, m.start()) + " ".repeat(m.end() - m.start())
            + rest.substring(m.end());
      }
    }
    for (String w : rest.split("[\\s,()]+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))
          && !NOT_NAMES.contains(w.toLowerCase(Locale.ROOT).replaceAll("['\u2019]s$", ""))) {
        return Phenomenon.NAMED;
      }
    }
    if (OFFICE.matcher(mention).find()) {
      return Phenomenon.TITLE_ONLY;
    }
    return rest.isBlank() ? Phenomenon.NAMED : Phenomenon.DESCRIPTION;
  }

  /** The statement that overlaps the span most, or null. */
  private static Statement aligned(List<Statement> statements, int start, int end) {
    Statement best = null;
    int bestOverlap = 0;
    for (Statement s : statements) {
      int overlap = Math.min(end, s.end()) - Math.max(start, s.start());
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = s;
      }
    }
    return best;
  }

  /** Gold actor names ("Iran; Ukraine") as actor ids where the resolver knows them. */
  private static Set<String> goldActors(ActorResolver actors, JsonNode names) {
    Set<String> out = new HashSet<>();
    if (names == null || !names.isTextual()) {
      return out;
    }
    for (String name : names.asText().split(";")) {
      String n = name.strip();
      if (!n.isEmpty()) {
        out.add(actors.resolve(n).map(Actor::id).orElse(n.toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  private static Set<String> predictedActors(Statement s) {
    Set<String> out = new HashSet<>();
    if (s != null && s.speaker() != null) {
      for (Actor a : s.speaker().actors()) {
        out.add(a.id());
      }
    }
    return out;
  }
}
