import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.DocumentSentences;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.encoder.Encoder;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.eval.LabelScores;
import io.github.demarche.model.Positions;
import io.github.demarche.model.StanceModel;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.train.Folds;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.io.*;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.*;
import java.util.*;
import java.util.function.Function;
import java.util.stream.IntStream;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

/**
 * The experiment harness behind docs/encoder.md ("Second round"): variants of the sentence-encoder
 * family's stack that the trainer does not (or did not) offer, measured by grouped 5-fold
 * cross-validation on train + dev (nested exactly as `demarche eval --family encoder --folds 5`:
 * out-of-fold lexical scores from inner grouped folds of each outer training set, thresholds from
 * inner out-of-fold stack scores) and by training on all of it and measuring the sentences of
 * documents.jsonl from unseen sources. It repeats StackTrainer's arithmetic (standardised inputs,
 * lexical scores scaled, L2 logistic fits by L-BFGS, best-F1 thresholds), so its default variant
 * gives the figures of the command line exactly. Embeddings and lexical out-of-fold scores are
 * cached under $CACHE (default /tmp/encoder2-cache).
 *
 * <p>Run from the repository root with the command-line jar (plus, for encoders the jar does not
 * hold, their langchain4j artifact):
 *
 * <pre>
 * SEEDS=20261127,7 java -cp cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar:E5.jar \
 *   docs/experiments/EncoderVariants.java 'base' 'e5:enc=e5-small-v2-q' \
 *   'both:enc=all-minilm-l6-v2-q+e5-small-v2-q,lambda=600' 'cameo:lex=base+cameo'
 * </pre>
 *
 * Each argument is NAME:key=value,... with keys enc (encoders, + between), lex (lexical
 * configurations, + between: base, cameo, or any name with lexset.NAME=k~v;k~v), lambda, ls
 * (lexical scale), knn (neighbours; 0 = none), knnScale, plambda (per-label lambda: label~value;...).
 * HELDOUT=0 skips the held-out documents, SEEDS=none the cross-validation. Scratch tooling, not part of the build.
 */
public class EncoderVariants {
  static final Path CACHE = Path.of(System.getenv().getOrDefault("CACHE", "/tmp/encoder2-cache"));
  static final String D = "data/diplomatic-statements";
  static List<Example> ex;
  static List<Example> docs;
  static Taxonomy tax;
  static int K;
  static int[][] Y;
  static int[][] YD;
  static final Map<String, Map<String, float[]>> VECTORS = new HashMap<>();
  static final Map<String, String> PREFIX = Map.of("e5-small-v2-q", "query: ", "e5-small-v2", "query: ");

  public static void main(String[] args) throws Exception {
    Files.createDirectories(CACHE);
    ex = Datasets.readAll(List.of(D + "/train.jsonl", D + "/dev.jsonl"));
    docs = DocumentSentences.read(D + "/documents.jsonl", DocumentSentences.sourcesOf(ex));
    tax = Trainer.taxonomyOf(ex);
    K = tax.size();
    Y = labels(ex);
    YD = labels(docs);
    String seedList = System.getenv().getOrDefault("SEEDS", Long.toString(TrainingConfig.DEFAULT_SEED));
    long[] seeds = seedList.equals("none") ? new long[0]
        : Arrays.stream(seedList.split(",")).mapToLong(Long::parseLong).toArray();
    boolean heldout = !"0".equals(System.getenv("HELDOUT"));
    if (System.getenv("EMBED_ONLY") != null) {
      for (String e : System.getenv("EMBED_ONLY").split("\\+")) {
        vectors(e);
      }
      return;
    }
    for (String a : args) {
      Variant v = Variant.parse(a);
      StringBuilder line = new StringBuilder(v.name);
      List<Evaluation> evs = new ArrayList<>();
      for (long seed : seeds) {
        long t0 = System.nanoTime();
        Evaluation e = crossValidate(v, seed);
        evs.add(e);
        line.append(String.format(Locale.ROOT, " | seed %d: macro %.4f micro %.4f exact %.3f (%.0fs)",
            seed, e.macroF1(), e.microF1(), e.accuracy(), (System.nanoTime() - t0) / 1e9));
      }
      if (heldout) {
        Evaluation h = heldOut(v);
        line.append(String.format(Locale.ROOT, " | held-out: exact %.3f micro %.3f macro %.3f",
            h.accuracy(), h.microF1(), h.macroF1()));
      }
      System.out.println(line);
      for (String l : tax.names()) {
        StringBuilder s = new StringBuilder("    " + l);
        for (Evaluation e : evs) {
          LabelScores ls = e.perLabel().get(l);
          s.append(String.format(Locale.ROOT, " %.3f", ls.f1()));
        }
        System.out.println(s);
      }
      System.out.flush();
    }
  }

  static int[][] labels(List<Example> list) {
    int[][] y = new int[K][list.size()];
    for (int o = 0; o < K; o++) {
      String l = tax.labels().get(o).name();
      for (int i = 0; i < list.size(); i++) {
        y[o][i] = list.get(i).labels().contains(l) ? 1 : 0;
      }
    }
    return y;
  }

  // ---------------------------------------------------------------- variants

  static final class Variant {
    String name;
    List<String> enc = List.of("all-minilm-l6-v2-q");
    List<String> lex = List.of("base");
    double lambda = 300;
    double ls = 3;
    int knn = 0;
    double knnScale = 1;
    Map<String, Double> plambda = new HashMap<>();
    Map<String, String> lexsets = new HashMap<>();

    static Variant parse(String arg) {
      Variant v = new Variant();
      int c = arg.indexOf(':');
      v.name = c < 0 ? arg : arg.substring(0, c);
      if (c >= 0) {
        for (String kv : arg.substring(c + 1).split(",")) {
          String[] p = kv.split("=", 2);
          switch (p[0]) {
            case "enc" -> v.enc = List.of(p[1].split("\\+"));
            case "lex" -> v.lex = p[1].isEmpty() ? List.of() : List.of(p[1].split("\\+"));
            case "lambda" -> v.lambda = Double.parseDouble(p[1]);
            case "ls" -> v.ls = Double.parseDouble(p[1]);
            case "knn" -> v.knn = Integer.parseInt(p[1]);
            case "knnScale" -> v.knnScale = Double.parseDouble(p[1]);
            case "plambda" -> {
              for (String q : p[1].split(";")) {
                String[] lv = q.split("~");
                v.plambda.put(lv[0], Double.parseDouble(lv[1]));
              }
            }
            default -> {
              if (p[0].startsWith("lexset.")) {
                v.lexsets.put(p[0].substring(7), p[1]);
              } else {
                throw new IllegalArgumentException("unknown key " + p[0]);
              }
            }
          }
        }
      }
      return v;
    }

    double lambdaOf(int o) {
      return plambda.getOrDefault(tax.labels().get(o).name(), lambda);
    }

    TrainingConfig lexConfig(String name) {
      Properties p = new Properties();
      String spec = switch (name) {
        case "base" -> "";
        case "cameo" -> "features.cameo_verbs~1";
        default -> lexsets.get(name);
      };
      if (spec == null) {
        throw new IllegalArgumentException("unknown lexical configuration " + name);
      }
      for (String kv : spec.split(";")) {
        if (!kv.isEmpty()) {
          String[] q = kv.split("~", 2);
          p.setProperty(q[0], q[1]);
        }
      }
      return TrainingConfig.fromProperties(p);
    }
  }

  // ---------------------------------------------------------------- embeddings (cached)

  static Map<String, float[]> vectors(String encoder) throws Exception {
    Map<String, float[]> m = VECTORS.get(encoder);
    if (m != null) {
      return m;
    }
    m = new HashMap<>();
    Path file = CACHE.resolve("emb-" + encoder + ".bin");
    if (Files.exists(file)) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          String t = in.readUTF();
          float[] v = new float[in.readInt()];
          for (int j = 0; j < v.length; j++) {
            v[j] = in.readFloat();
          }
          m.put(t, v);
        }
      }
    }
    Set<String> missing = new LinkedHashSet<>();
    for (List<Example> l : List.of(ex, docs)) {
      for (Example e : l) {
        if (!m.containsKey(e.text())) {
          missing.add(e.text());
        }
      }
    }
    if (!missing.isEmpty()) {
      long t0 = System.nanoTime();
      Function<String, float[]> f = embedder(encoder);
      Map<String, float[]> got = Collections.synchronizedMap(new HashMap<>());
      new ArrayList<>(missing).parallelStream().forEach(t -> got.put(t, f.apply(t)));
      m.putAll(got);
      System.err.printf(Locale.ROOT, "%s: embedded %d texts in %.0f s%n", encoder, missing.size(),
          (System.nanoTime() - t0) / 1e9);
      Path tmp = CACHE.resolve("emb-" + encoder + ".tmp");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(m.size());
        for (Map.Entry<String, float[]> e : new TreeMap<>(m).entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (float x : e.getValue()) {
            out.writeFloat(x);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    VECTORS.put(encoder, m);
    return m;
  }

  /** The product's encoder when it knows the name, else the ONNX session over NAME.onnx on the class path. */
  static Function<String, float[]> embedder(String name) throws Exception {
    Encoder.load(); // sets the offline switches before anything of DJL is touched
    for (Encoder.Weights w : Encoder.Weights.values()) {
      if (w.id().equals(name)) {
        Encoder e = Encoder.load(w);
        return e::embed;
      }
    }
    byte[] onnx = resource("/" + name + ".onnx");
    byte[] tok = resource("/" + name + "-tokenizer.json");
    Class<?> c = Class.forName("io.github.demarche.encoder.OnnxSession");
    Constructor<?> k = c.getDeclaredConstructor(byte[].class, byte[].class, int.class, int.class);
    k.setAccessible(true);
    Object session = k.newInstance(onnx, tok, 1, 384);
    Method vector = c.getDeclaredMethod("vector", String.class);
    vector.setAccessible(true);
    String prefix = PREFIX.getOrDefault(name, "");
    return t -> {
      try {
        return unit((float[]) vector.invoke(session, prefix + t));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = EncoderVariants.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("not on the class path: " + path);
      }
      return in.readAllBytes();
    }
  }

  static float[] unit(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    s = Math.sqrt(s);
    float[] o = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = (float) (v[i] / s);
    }
    return o;
  }

  // ---------------------------------------------------------------- lexical scores (cached)

  /**
   * [outer fold][row][label]: for rows outside the fold, out-of-fold scores from the inner folds
   * of the outer training set; for rows in it, the scores of the model trained on the outer
   * training set. seed < 0: [0] = inner out-of-fold scores of all rows (default seed), [1] the
   * held-out sentences' scores from the model trained on all.
   */
  static double[][][] lexical(Variant v, String name, long seed) throws Exception {
    Path file = CACHE.resolve("lex-" + name + "-" + (seed < 0 ? "all" : Long.toString(seed)) + ".bin");
    if (Files.exists(file)) {
      try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        return (double[][][]) in.readObject();
      }
    }
    long t0 = System.nanoTime();
    double[][][] out;
    if (seed < 0) {
      TrainingConfig cfg = v.lexConfig(name);
      out = new double[2][][];
      out[0] = oof(ex, cfg, cfg.seed());
      StanceModel all = new Trainer(cfg).train(ex);
      out[1] = new double[docs.size()][];
      for (int i = 0; i < docs.size(); i++) {
        out[1][i] = score(all, docs.get(i));
      }
    } else {
      TrainingConfig cfg = v.lexConfig(name).withSeed(seed);
      int[] fold = Folds.assign(ex, 5, seed);
      out = new double[5][ex.size()][];
      for (int f = 0; f < 5; f++) {
        List<Integer> trainIdx = new ArrayList<>();
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < ex.size(); i++) {
          if (fold[i] != f) {
            trainIdx.add(i);
            train.add(ex.get(i));
          }
        }
        double[][] inner = oof(train, cfg, seed);
        for (int t = 0; t < trainIdx.size(); t++) {
          out[f][trainIdx.get(t)] = inner[t];
        }
        StanceModel m = new Trainer(cfg).train(train);
        for (int i = 0; i < ex.size(); i++) {
          if (fold[i] == f) {
            out[f][i] = score(m, ex.get(i));
          }
        }
      }
    }
    System.err.printf(Locale.ROOT, "lexical %s seed %d: %.0f s%n", name, seed, (System.nanoTime() - t0) / 1e9);
    Path tmp = CACHE.resolve(file.getFileName() + ".tmp");
    try (ObjectOutputStream o = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      o.writeObject(out);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return out;
  }

  static double[] score(StanceModel m, Example e) {
    if (!m.taxonomy().equals(tax)) {
      throw new IllegalStateException("fold taxonomy differs");
    }
    return m.scoreArray(new StanceInput(e.text(), e.target()));
  }

  /** Out-of-fold lexical scores of these examples, as StackTrainer computes them. */
  static double[][] oof(List<Example> list, TrainingConfig cfg, long seed) {
    int[] fold = Folds.assign(list, 5, seed);
    double[][] out = new double[list.size()][];
    Trainer trainer = new Trainer(cfg);
    for (int f = 0; f < 5; f++) {
      List<Example> train = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] != f) {
          train.add(list.get(i));
        }
      }
      StanceModel m = trainer.train(train);
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] == f) {
          out[i] = score(m, list.get(i));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- the stack

  /** Raw encoder inputs of a list of examples: the chosen encoders' vectors side by side. */
  static double[][] vectorRows(Variant v, List<Example> list) throws Exception {
    double[][] x = new double[list.size()][];
    List<Map<String, float[]>> maps = new ArrayList<>();
    for (String e : v.enc) {
      maps.add(vectors(e));
    }
    for (int i = 0; i < list.size(); i++) {
      int len = 0;
      for (Map<String, float[]> m : maps) {
        len += m.get(list.get(i).text()).length;
      }
      x[i] = new double[len];
      int at = 0;
      for (Map<String, float[]> m : maps) {
        float[] f = m.get(list.get(i).text());
        for (float g : f) {
          x[i][at++] = g;
        }
      }
    }
    return x;
  }

  /** kNN label rates of each query row among the reference rows (cosine on the first encoder). */
  static double[][] knn(double[][] q, double[][] ref, int[] refRows, int k, int dim, boolean skipSelf,
      int[] qRows) {
    double[][] out = new double[q.length][K];
    IntStream.range(0, q.length).parallel().forEach(i -> {
      double[] best = new double[k];
      int[] who = new int[k];
      Arrays.fill(best, Double.NEGATIVE_INFINITY);
      for (int r = 0; r < refRows.length; r++) {
        if (skipSelf && qRows[i] == refRows[r]) {
          continue;
        }
        double[] a = q[i];
        double[] b = ref[r];
        double s = 0;
        for (int j = 0; j < dim; j++) {
          s += a[j] * b[j];
        }
        if (s > best[k - 1]) {
          int p = k - 1;
          while (p > 0 && best[p - 1] < s) {
            best[p] = best[p - 1];
            who[p] = who[p - 1];
            p--;
          }
          best[p] = s;
          who[p] = refRows[r];
        }
      }
      for (int t = 0; t < k; t++) {
        for (int o = 0; o < K; o++) {
          out[i][o] += Y[o][who[t]];
        }
      }
      for (int o = 0; o < K; o++) {
        out[i][o] /= k;
      }
    });
    return out;
  }

  static Evaluation crossValidate(Variant v, long seed) throws Exception {
    int n = ex.size();
    int[] fold = Folds.assign(ex, 5, seed);
    double[][] vec = vectorRows(v, ex);
    List<double[][][]> lex = new ArrayList<>();
    for (String l : v.lex) {
      lex.add(lexical(v, l, seed));
    }
    int dim0 = vectors(v.enc.get(0)).values().iterator().next().length;
    List<List<String>> predicted = new ArrayList<>(Collections.nCopies(n, null));
    List<double[]> scores = new ArrayList<>(Collections.nCopies(n, null));
    for (int f = 0; f < 5; f++) {
      final int ff = f;
      int[] train = IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
      int[] test = IntStream.range(0, n).filter(i -> fold[i] == ff).toArray();
      List<Example> trainEx = new ArrayList<>();
      for (int i : train) {
        trainEx.add(ex.get(i));
      }
      int[] inner = Folds.assign(trainEx, 5, seed);
      double[][] xTrain = new double[train.length][];
      double[][] xTest = new double[test.length][];
      double[][] kTrain = null;
      double[][] kTest = null;
      if (v.knn > 0) {
        kTrain = new double[train.length][];
        double[][] vTrain = rows(vec, train);
        for (int g = 0; g < 5; g++) {
          final int gg = g;
          int[] in = IntStream.range(0, train.length).filter(t -> inner[t] == gg).toArray();
          int[] out = IntStream.range(0, train.length).filter(t -> inner[t] != gg).toArray();
          double[][] r = knn(rows(vTrain, in), rows(vTrain, out), map(train, out), v.knn, dim0, false, null);
          for (int t = 0; t < in.length; t++) {
            kTrain[in[t]] = r[t];
          }
        }
        kTest = knn(rows(vec, test), vTrain, train, v.knn, dim0, false, null);
      }
      for (int t = 0; t < train.length; t++) {
        xTrain[t] = row(vec[train[t]], lex, f, train[t], kTrain == null ? null : kTrain[t]);
      }
      for (int t = 0; t < test.length; t++) {
        xTest[t] = row(vec[test[t]], lex, f, test[t], kTest == null ? null : kTest[t]);
      }
      Stack s = Stack.fit(v, xTrain, vec[0].length, lex.size() * K, train, inner);
      for (int t = 0; t < test.length; t++) {
        double[] sc = s.scores(xTest[t]);
        scores.set(test[t], sc);
        predicted.set(test[t], names(Positions.passing(tax, s.outputs, s.thresholds, sc)));
      }
    }
    return new Evaluator().score(tax, ex, predicted, scores);
  }

  static Evaluation heldOut(Variant v) throws Exception {
    int n = ex.size();
    double[][] vec = vectorRows(v, ex);
    double[][] vecD = vectorRows(v, docs);
    List<double[][][]> lex = new ArrayList<>();
    for (String l : v.lex) {
      lex.add(lexical(v, l, -1));
    }
    int dim0 = vectors(v.enc.get(0)).values().iterator().next().length;
    int[] all = IntStream.range(0, n).toArray();
    int[] inner = Folds.assign(ex, 5, TrainingConfig.DEFAULT_SEED);
    double[][] kTrain = null;
    double[][] kTest = null;
    if (v.knn > 0) {
      kTrain = new double[n][];
      for (int g = 0; g < 5; g++) {
        final int gg = g;
        int[] in = IntStream.range(0, n).filter(t -> inner[t] == gg).toArray();
        int[] out = IntStream.range(0, n).filter(t -> inner[t] != gg).toArray();
        double[][] r = knn(rows(vec, in), rows(vec, out), out, v.knn, dim0, false, null);
        for (int t = 0; t < in.length; t++) {
          kTrain[in[t]] = r[t];
        }
      }
      kTest = knn(vecD, vec, all, v.knn, dim0, false, null);
    }
    double[][] xTrain = new double[n][];
    for (int i = 0; i < n; i++) {
      xTrain[i] = rowAll(vec[i], lex, 0, i, kTrain == null ? null : kTrain[i]);
    }
    Stack s = Stack.fit(v, xTrain, vec[0].length, lex.size() * K, all, inner);
    List<List<String>> predicted = new ArrayList<>();
    List<double[]> scores = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      double[] sc = s.scores(rowAll(vecD[i], lex, 1, i, kTest == null ? null : kTest[i]));
      scores.add(sc);
      predicted.add(names(Positions.passing(tax, s.outputs, s.thresholds, sc)));
    }
    return new Evaluator().score(tax, docs, predicted, scores);
  }

  static double[][] rows(double[][] x, int[] idx) {
    double[][] o = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      o[i] = x[idx[i]];
    }
    return o;
  }

  static int[] map(int[] base, int[] idx) {
    int[] o = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      o[i] = base[idx[i]];
    }
    return o;
  }

  static double[] row(double[] vec, List<double[][][]> lex, int f, int i, double[] knn) {
    return rowAll(vec, lex, f, i, knn);
  }

  static double[] rowAll(double[] vec, List<double[][][]> lex, int slot, int i, double[] knn) {
    int len = vec.length + lex.size() * K + (knn == null ? 0 : K);
    double[] r = new double[len];
    System.arraycopy(vec, 0, r, 0, vec.length);
    int at = vec.length;
    for (double[][][] l : lex) {
      System.arraycopy(l[slot][i], 0, r, at, K);
      at += K;
    }
    if (knn != null) {
      System.arraycopy(knn, 0, r, at, K);
    }
    return r;
  }

  static List<String> names(List<Position> ps) {
    List<String> o = new ArrayList<>();
    for (Position p : ps) {
      o.add(p.label());
    }
    return o;
  }

  /** One fitted stack: weights on standardised inputs, thresholds, as StackTrainer makes them. */
  static final class Stack {
    double[] mean;
    double[] sd;
    double[][] w;
    double[] thresholds;
    int[] outputs;

    /**
     * @param rows the rows' indices into ex (for labels)
     * @param inner inner folds of the rows (for thresholds)
     */
    static Stack fit(Variant v, double[][] x, int vecLen, int lexLen, int[] rows, int[] inner) {
      Stack s = new Stack();
      int n = x.length;
      int p = x[0].length;
      s.mean = new double[p];
      s.sd = new double[p];
      for (double[] r : x) {
        for (int j = 0; j < p; j++) {
          s.mean[j] += r[j];
        }
      }
      for (int j = 0; j < p; j++) {
        s.mean[j] /= n;
      }
      for (double[] r : x) {
        for (int j = 0; j < p; j++) {
          double d = r[j] - s.mean[j];
          s.sd[j] += d * d;
        }
      }
      for (int j = 0; j < p; j++) {
        s.sd[j] = Math.sqrt(s.sd[j] / n);
        if (s.sd[j] < 1e-9) {
          s.sd[j] = 1;
        } else if (j >= vecLen && j < vecLen + lexLen) {
          s.sd[j] /= v.ls;
        } else if (j >= vecLen + lexLen) {
          s.sd[j] /= v.knnScale;
        }
      }
      double[][] z = new double[n][p];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          z[i][j] = (x[i][j] - s.mean[j]) / s.sd[j];
        }
      }
      int[][] y = new int[K][n];
      for (int o = 0; o < K; o++) {
        for (int i = 0; i < n; i++) {
          y[o][i] = Y[o][rows[i]];
        }
      }
      int[] all = IntStream.range(0, n).toArray();
      s.w = new double[K][];
      s.thresholds = new double[K];
      IntStream.range(0, K).parallel().forEach(o -> {
        double lambda = v.lambdaOf(o);
        s.w[o] = fitRows(z, all, y[o], lambda);
        double[] prob = new double[n];
        for (int g = 0; g < 5; g++) {
          final int gg = g;
          int[] tr = IntStream.range(0, n).filter(i -> inner[i] != gg).toArray();
          int[] yy = new int[tr.length];
          for (int i = 0; i < tr.length; i++) {
            yy[i] = y[o][tr[i]];
          }
          double[] w = fitRows(z, tr, yy, lambda);
          for (int i = 0; i < n; i++) {
            if (inner[i] == gg) {
              prob[i] = sigmoid(w, z[i]);
            }
          }
        }
        s.thresholds[o] = Trainer.bestThreshold(prob, y[o]);
      });
      s.outputs = IntStream.range(0, K).toArray();
      return s;
    }

    double[] scores(double[] x) {
      double[] z = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        z[j] = (x[j] - mean[j]) / sd[j];
      }
      double[] s = new double[K];
      for (int o = 0; o < K; o++) {
        s[o] = sigmoid(w[o], z);
      }
      return s;
    }
  }

  static double sigmoid(double[] w, double[] z) {
    int p = w.length - 1;
    double s = w[p];
    for (int j = 0; j < p; j++) {
      s += w[j] * z[j];
    }
    return 1.0 / (1.0 + Math.exp(-s));
  }

  static double[] fitRows(double[][] z, int[] rows, int[] y, double lambda) {
    int p = z[rows[0]].length;
    double[] w = new double[p + 1];
    int pos = 0;
    for (int v : y) {
      pos += v;
    }
    if (pos == 0 || pos == y.length) {
      w[p] = Math.log((pos + 0.5) / (y.length - pos + 0.5));
      return w;
    }
    BFGS.minimize(logistic(z, rows, y, lambda), 5, w, 1e-5, 500);
    return w;
  }

  /** The trainer's own objective (package-private there, so reached by reflection). */
  static DifferentiableMultivariateFunction logistic(double[][] z, int[] rows, int[] y, double lambda) {
    try {
      Constructor<?> c = Class.forName("io.github.demarche.stack.DenseLogistic")
          .getDeclaredConstructor(double[][].class, int[].class, int[].class, double.class);
      c.setAccessible(true);
      return (DifferentiableMultivariateFunction) c.newInstance(z, rows, y, lambda);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
