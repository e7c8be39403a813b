import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.encoder.Encoder;
import io.github.demarche.encoder.TextEmbedder;
import io.github.demarche.text.Tokens;
import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static word vectors distilled from a bundled sentence encoder (Model2Vec-style): every word of a
 * word list passed ALONE through the encoder, its pooled unit-length output kept as that word's
 * vector. The word list is the whole-word alphabetic entries of the BERT uncased WordPiece
 * vocabulary in the encoder's tokenizer (no "##" pieces) plus every alphabetic token of train.jsonl
 * and dev.jsonl, lower-cased per character as the featurizer lower-cases it (never the words of
 * documents.jsonl, the held-out test). The raw vectors (no PCA: LexicalVariants reduces them) go to
 * $CACHE/words-ENCODER.bin (default /tmp/static-cache): an int count, then per word its UTF string,
 * an int dimension and the floats, words in sorted order.
 *
 * <p>Run from the repository root with the command-line jar:
 *
 * <pre>
 * java -cp cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar docs/experiments/StaticVectors.java all-minilm-l6-v2-q
 * java -cp cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar docs/experiments/StaticVectors.java e5-small-v2-q
 * java -cp cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar docs/experiments/StaticVectors.java all-minilm-l6-v2-q bigrams
 * </pre>
 *
 * With "bigrams" the list is instead every pair of adjacent alphabetic tokens of train and dev
 * ("call on", "good offices"), each passed alone as a two-word text, into
 * words-ENCODER-bigrams.bin. On the 2-core machine (load average 3 to 6): 23,243 words in 34 s
 * with all-MiniLM-L6-v2, 112 s with E5-small-v2; 27,321 pairs in 18 s and 57 s.
 *
 * Scratch tooling, not part of the build.
 */
public class StaticVectors {
  public static void main(String[] args) throws Exception {
    Path cache = Path.of(System.getenv().getOrDefault("CACHE", "/tmp/static-cache"));
    Files.createDirectories(cache);
    String name = args.length > 0 ? args[0] : "all-minilm-l6-v2-q";
    boolean bigrams = args.length > 1 && args[1].equals("bigrams");
    TreeSet<String> words = new TreeSet<>(bigrams ? List.of() : vocabulary());
    int bert = words.size();
    for (Example e : Datasets.readAll(List.of("data/diplomatic-statements/train.jsonl", "data/diplomatic-statements/dev.jsonl"))) {
      if (bigrams) words.addAll(bigrams(e.text())); else words.addAll(tokens(e.text()));
    }
    if (bigrams) name = name + "-bigrams";
    System.err.printf(Locale.ROOT, "%d words (%d from the BERT vocabulary)%n", words.size(), bert);
    TextEmbedder enc = Encoder.named(name.replace("-bigrams", ""));
    Map<String, float[]> got = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    new ArrayList<>(words).parallelStream().forEach(w -> got.put(w, enc.embed(w)));
    System.err.printf(Locale.ROOT, "%s: embedded %d words in %.0f s%n", name, got.size(), (System.nanoTime() - t0) / 1e9);
    Path file = cache.resolve("words-" + name + ".bin");
    Path tmp = cache.resolve("words-" + name + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      out.writeInt(got.size());
      for (Map.Entry<String, float[]> e : new TreeMap<>(got).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        for (float x : e.getValue()) out.writeFloat(x);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The alphabetic whole words of the WordPiece vocabulary bundled with all-MiniLM-L6-v2 (BERT uncased). */
  static List<String> vocabulary() throws IOException {
    try (InputStream in = Encoder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
      JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
      List<String> out = new ArrayList<>();
      vocab.fieldNames().forEachRemaining(w -> { if (w.matches("[a-z]+")) out.add(w); });
      return out;
    }
  }

  /** Pairs of adjacent tokens of a text that are both alphabetic, joined by a space. */
  static List<String> bigrams(String text) {
    List<String> out = new ArrayList<>();
    String prev = null;
    for (long t = Tokens.next(text, 0); t != Tokens.NONE; t = Tokens.next(text, Tokens.end(t))) {
      int s = Tokens.start(t), e = Tokens.end(t);
      if (Tokens.charClass(text.charAt(s)) != Tokens.ALPHABETIC) { prev = null; continue; }
      StringBuilder b = new StringBuilder(e - s);
      for (int i = s; i < e; i++) b.append(Character.toLowerCase(text.charAt(i)));
      String w = b.toString();
      if (prev != null) out.add(prev + " " + w);
      prev = w;
    }
    return out;
  }

  /** The alphabetic tokens of a text, lower-cased per character as the featurizer does. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (long t = Tokens.next(text, 0); t != Tokens.NONE; t = Tokens.next(text, Tokens.end(t))) {
      int s = Tokens.start(t), e = Tokens.end(t);
      if (Tokens.charClass(text.charAt(s)) != Tokens.ALPHABETIC) continue;
      StringBuilder b = new StringBuilder(e - s);
      for (int i = s; i < e; i++) b.append(Character.toLowerCase(text.charAt(i)));
      out.add(b.toString());
    }
    return out;
  }
}
