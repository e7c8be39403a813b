package io.github.demarche.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.extract.ActorResolver;
import io.github.demarche.extract.NewsStatementExtractor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
   * right, left unknown and exactly right, gold mentions and how many matched, and the label
   * micro-F1. Immutable and thread-safe.
   */
  public record DocumentFigures(int sentences, int actorRight, int goldNamed, int goldNamedRight,
      int goldNamedUnknown, int strictRight, int goldMentions, int mentionsMatched,
      double labelMicroF1) {}

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
      printDocuments(new StatementAnalyzer(extractor, Demarche.defaultModel()), actors,
          dir.resolve("documents.jsonl").toString(), verbose);
      verbose = false;
    }
  }

  private static void printDocuments(
      StatementAnalyzer analyzer, ActorResolver actors, String file, boolean verbose) {
    DocumentFigures d = documents(analyzer, actors, file, verbose);
    System.out.printf(Locale.ROOT, "(b) documents: %d sentences; speaker actor right %.1f%% of"
            + " all; where the gold names one (%d): right %.1f%%, exactly right %.1f%%, unknown"
            + " %.1f%%; speaker mention matched %.1f%% of %d; label micro-F1 %.3f%n",
        d.sentences(), 100.0 * d.actorRight() / d.sentences(), d.goldNamed(),
        100.0 * d.goldNamedRight() / d.goldNamed(), 100.0 * d.strictRight() / d.goldNamed(),
        100.0 * d.goldNamedUnknown() / d.goldNamed(),
        100.0 * d.mentionsMatched() / d.goldMentions(), d.goldMentions(), d.labelMicroF1());
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

  /** Part (b) over {@code documents.jsonl}. */
  public static DocumentFigures documents(
      StatementAnalyzer analyzer, ActorResolver actors, String file, boolean verbose) {
    int[] c = new int[8];
    long[] labels = new long[3]; // true positives, predicted, gold
    JsonLines.forEach(file, line -> {
      ObjectNode o = line.object();
      String text = o.path("text").asText();
      // the document's web address, as a crawler would pass it (an official publisher's domain
      // names the issuer); the corpus id when there is none
      String id = o.path("source").asText("").isBlank()
          ? o.path("doc_id").asText("line " + line.number()) : o.path("source").asText();
      List<Statement> statements = analyzer.analyze(new Document(id, text));
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
        if (goldMention.isTextual()) {
          c[6]++;
          Speaker found = best == null ? null : best.speaker();
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
        if (verbose && !right) {
          Speaker sp = best == null ? null : best.speaker();
          System.out.println("  DOC gold=" + sentence.path("speaker_mention").asText() + " " + gold
              + " | found=" + (sp == null ? null : sp.mention()) + " " + predicted + " | " + st);
        }
        Set<String> goldLabels = new HashSet<>();
        sentence.path("labels").forEach(l -> goldLabels.add(l.asText()));
        goldLabels.remove("none");
        Set<String> predictedLabels = new HashSet<>();
        if (best != null) {
          for (Position p : best.positions()) {
            predictedLabels.add(p.label());
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
    return new DocumentFigures(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], f1);
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
