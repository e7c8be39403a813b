package io.github.demarche.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a JSON Lines file of statements for whole-process benchmarks ({@code classify} against
 * fastText, the CI gate's end-to-end check): {@link SyntheticCorpus} recombinations of the
 * corpus's training and dev statements, seed 5, one {@code {"id": "s-0000001", "text": "..."}}
 * a line (about 215 bytes). Deterministic: the same count gives the same bytes. Usage: {@code
 * StatementFile COUNT FILE}. Stateless; run it as a program.
 */
public final class StatementFile {
  static final long SEED = 5;

  private StatementFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: StatementFile COUNT FILE");
      System.exit(2);
    }
    int count;
    try {
      count = Integer.parseInt(args[0]);
    } catch (NumberFormatException e) {
      System.err.println("StatementFile: COUNT must be a number, was '" + args[0] + "'");
      System.exit(2);
      return;
    }
    Path out = Path.of(args[1]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      System.err.println("StatementFile: " + out + ": its folder " + parent + " does not exist");
      System.exit(2);
    }
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
      write(count, w);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes {@code count} statements as JSON Lines. */
  static void write(int count, Writer w) throws IOException {
    List<Example> corpus = new ArrayList<>(Corpus.train());
    corpus.addAll(Datasets.read(Corpus.dir().resolve("dev.jsonl").toString()));
    List<Example> statements = SyntheticCorpus.of(corpus, count, SEED);
    JsonFactory json = new JsonFactory();
    for (int i = 0; i < statements.size(); i++) {
      try (JsonGenerator g = json.createGenerator(w)) {
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
        g.writeStringField("id", String.format("s-%07d", i));
        g.writeStringField("text", statements.get(i).text());
        g.writeEndObject();
      }
      w.write('\n');
    }
  }
}
