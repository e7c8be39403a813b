package io.github.demarche.benchmarks;

import io.github.demarche.data.Example;
import io.github.demarche.taxonomy.Taxonomy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.data.JsonLines;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes training sets of any size from a corpus by recombining its statements: each new
 * statement joins the first half of one statement's words to the second half of another's and
 * carries the labels of both (the exclusive "none" only when both were "none"). Deterministic: the
 * same corpus, size and seed give the same examples. Its {@link #main} writes such a set as
 * JSON Lines for {@code demarche train} and in fastText's format, so the command line can be timed
 * against {@code fasttext supervised} on the same lines. Stateless and thread-safe.
 */
public final class SyntheticCorpus {
  /** Statements per synthetic source, so grouped calibration folds have groups to deal. */
  static final int GROUP_SIZE = 20;

  private SyntheticCorpus() {}

  /**
   * {@code size} recombined examples.
   *
   * @throws IllegalArgumentException when the corpus is empty or the size is not positive
   */
  public static List<Example> of(List<Example> corpus, int size, long seed) {
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("cannot recombine an empty corpus");
    }
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Example> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Example a = corpus.get(random.nextInt(corpus.size()));
      Example b = corpus.get(random.nextInt(corpus.size()));
      String[] wa = a.text().split(" ");
      String[] wb = b.text().split(" ");
      String text = String.join(" ", List.of(wa).subList(0, (wa.length + 1) / 2)) + " "
          + String.join(" ", List.of(wb).subList(wb.length / 2, wb.length));
      out.add(new Example("synthetic-" + i, text, labels(a, b), null,
          "synthetic-source-" + i / GROUP_SIZE));
    }
    return out;
  }

  private static List<String> labels(Example a, Example b) {
    Set<String> labels = new LinkedHashSet<>(a.labels());
    labels.addAll(b.labels());
    if (labels.size() > 1) {
      labels.remove(Taxonomy.NONE);
    }
    return List.copyOf(labels);
  }

  /**
   * Writes {@code SIZE} recombined statements (seed {@link TrainScalingBenchmark#SEED}) of the
   * corpus's training split as {@code OUT.jsonl} (Demarche's training format) and {@code
   * OUT.fasttext} (one line per statement: its {@code __label__}s, then its text).
   *
   * <p>Usage: {@code java -cp benchmarks.jar io.github.demarche.benchmarks.SyntheticCorpus SIZE OUT}
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SyntheticCorpus SIZE OUT  (writes OUT.jsonl and OUT.fasttext)");
      System.exit(2);
    }
    List<Example> examples = of(Corpus.train(), Integer.parseInt(args[0]), TrainScalingBenchmark.SEED);
    ObjectMapper json = JsonLines.mapper();
    write(Path.of(args[1] + ".jsonl"), examples, e -> {
      ObjectNode o = json.createObjectNode();
      o.put("id", e.id());
      o.put("text", e.text());
      e.labels().forEach(o.withArray("labels")::add);
      o.put("source", e.group());
      return json.writeValueAsString(o);
    });
    write(Path.of(args[1] + ".fasttext"), examples, e -> {
      StringBuilder line = new StringBuilder();
      e.labels().forEach(l -> line.append("__label__").append(l).append(' '));
      return line.append(e.text().replace('\n', ' ')).toString();
    });
  }

  private interface LineFormat {
    String line(Example e) throws IOException;
  }

  private static void write(Path path, List<Example> examples, LineFormat format)
      throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Example e : examples) {
        w.write(format.line(e));
        w.write('\n');
      }
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
