import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.features.FeatureConfig;
import io.github.demarche.features.Featurizer;
import io.github.demarche.model.Positions;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.train.Folds;
import io.github.demarche.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.*;
import java.util.stream.IntStream;
import smile.classification.PlattScaling;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;
import smile.math.MathEx;

/**
 * The experiment harness behind docs/quality.md ("Second round"): grouped 5-fold cross-validation
 * on train + dev, and training on all of it then measuring the sentences of documents.jsonl from
 * unseen sources, of variants of the lexical model that the trainer does not (or did not) offer:
 * feature weighting (idf, sublinear tf, L2 normalisation), NB log-count-ratio scaling, positive
 * class weights, per-label lambda by inner CV, a second stage on all labels' out-of-fold scores
 * (stacking), at-least-one-label decoding, and the average of two models' calibrated scores
 * (ensemble). It repeats the trainer's arithmetic (L-BFGS on the L2-regularised log-loss, Platt
 * scaling and thresholds on inner grouped out-of-fold scores), so its default variant gives the
 * figures of `demarche eval --folds 5` exactly (0.6127 before idf weighting, 0.6219 with it).
 *
 * <p>Run from the repository root, after `./mvnw -o -q -pl cli -am package -DskipTests`:
 *
 * <pre>
 * SEEDS=20261127,7 java -cp cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar \
 *   docs/experiments/LexicalVariants.java 'base' 'idf:idf,modes=plain/stack/atleast' \
 *   'idf_cameo:idf,features.cameo_verbs=1' 'ens:idf,ens=features.word_ngrams~1;features.stem_length~0;features.char_ngram_min~3;features.char_ngram_max~5'
 * </pre>
 *
 * Each argument is NAME:key=value,... with keys idf, logtf, l2, nb, idfPow, lambda, pw (positive
 * weight; negative: the negatives/positives ratio to that power), pll (per-label lambda), skip
 * (skip-bigrams), stembi (bigrams of 5-character stems), len (the statement's length in tokens,
 * as its base-2 logarithm), cameoScale (the CAMEO features' value relative to the others', so
 * their penalty is 1/cameoScale^2 as strong), modes, ens (a second model's feature
 * settings, key~value;...) and any features.* setting. A mode decodes the same fits one way; it is
 * plain, stack or atleast, or words joined by '-': bag1 (saved weights = mean of the calibration
 * folds' fits) or bag2 (mean of that and the full fit), fine (threshold grid of 0.01), smN (F1
 * averaged over +-N grid steps), margin (a label's score must come within a learned margin of
 * the best other label's), joint / jointnone (thresholds by coordinate ascent on macro-F1). The
 * third round of docs/quality.md ran
 * 'idf:idf,modes=plain/fine/sm1/finesm3/margin/bag1/bag2/bag1-margin/bag2-sm1' and the same with
 * features.cameo_verbs=2. HELDOUT=0 skips the held-out documents.
 *
 * <p>Static word vectors (the fourth round of docs/quality.md): wv=ENCODER[+ENCODER] appends dense
 * inputs to every row, the sum over the statement's distinct in-vocabulary words of each word's
 * weighted vector (the vectors that docs/experiments/StaticVectors.java distilled from the
 * encoder, read from $CACHE/words-ENCODER.bin, default /tmp/static-cache; encoders joined by +
 * side by side before the PCA), times a scale. Keys: wvd (PCA dimension, 64), wvs (scale, 1: the
 * dense weights' penalty is lambda/wvs^2), wvw (word weight from the fold's training rows:
 * sif1e-3, sif1e-4 ..., i.e. a/(a + p(w)); idf; none), wvmean (the weighted mean instead of the
 * sum: not foldable into word rows), wvz (each dense input divided by its standard deviation over
 * the training rows, times wvs), wvstrict (only BERT-vocabulary words and the fold's training
 * words have vectors), wvb=ENCODER and wvbs (also the sum of the vectors of the statement's
 * adjacent word pairs seen in the fold's training rows, from words-ENCODER-bigrams.bin, scaled by
 * wvbs), wvonly (the dense inputs alone, every sparse feature 0). The PCA is commons-math3's,
 * so that jar goes on the class path too:
 *
 * <pre>
 * SEEDS=20261127,7 java -cp cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar \
 *   docs/experiments/LexicalVariants.java 'base:idf' 'm_s2:idf,wv=all-minilm-l6-v2-q,wvs=2'
 * </pre>
 *
 * <p>The learning curve and the annotation weight ("How much data the target needs" in
 * docs/quality.md): frac=F keeps the share F of the source groups in every training fold (chosen
 * by a hash of the group, so the shares are nested; test folds stay whole); adj=W weighs the loss
 * of the statements whose labels were adjudicated (the two first annotations differed; the
 * records' `annotation` field) by W.
 *
 * <p>Scratch tooling, not part of the build.
 */
public class LexicalVariants {
  static List<Example> ex;
  static int nCv;
  static Taxonomy tax;
  static List<String> outputs;
  static int K;
  static int[][] Y; // [label][row]

  /** sparse rows over global columns, with counts */
  static final class Mat {
    int cols;
    int[][] idx;
    float[][] cnt;
    /** per column, a factor on its value (null: 1): the CAMEO columns' when cameoScale is given */
    double[] colScale;
    /** the first of the dense (static word vector) columns, which every row has; cols when none */
    int denseFrom = Integer.MAX_VALUE;
  }

  /** the value of the CAMEO features relative to the others (1: as any feature) */
  static double CAMEO_SCALE = 1;

  /** extra word features the featurizer does not offer: skip-bigrams (a word and the one two before), bigrams of 5-character stems */
  static boolean SKIP = false, STEMBI = false, LEN = false;

  static long[] extra(String text) {
    List<String> toks = new ArrayList<>();
    for (long t = io.github.demarche.text.Tokens.next(text, 0); t != io.github.demarche.text.Tokens.NONE; t = io.github.demarche.text.Tokens.next(text, io.github.demarche.text.Tokens.end(t)))
      toks.add(text.substring(io.github.demarche.text.Tokens.start(t), io.github.demarche.text.Tokens.end(t)).toLowerCase(Locale.ROOT));
    List<Long> out = new ArrayList<>();
    if (LEN) out.add(0x1e9b0c4e70000L + (31 - Integer.numberOfLeadingZeros(Math.max(1, toks.size()))));
    for (int i = 0; i < toks.size(); i++) {
      if (SKIP && i >= 2) out.add(0x5b1b00000000000L ^ ((long) toks.get(i - 2).hashCode() << 32) ^ (toks.get(i).hashCode() & 0xffffffffL) * 0x9e3779b97f4a7c15L);
      if (STEMBI && i >= 1) {
        String a = toks.get(i - 1), b = toks.get(i);
        a = a.length() > 5 ? a.substring(0, 5) : a; b = b.length() > 5 ? b.substring(0, 5) : b;
        out.add(0x57e3b100000000L ^ ((long) a.hashCode() << 32) ^ (b.hashCode() & 0xffffffffL) * 0xc2b2ae3d27d4eb4fL);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  static Mat featurize(FeatureConfig fc) {
    Featurizer f = new Featurizer(fc);
    Map<Long, Integer> col = new HashMap<>();
    Mat m = new Mat();
    int n = ex.size();
    m.idx = new int[n][];
    m.cnt = new float[n][];
    for (int i = 0; i < n; i++) {
      long[] h = f.features(ex.get(i).text(), ex.get(i).target());
      if (SKIP || STEMBI || LEN) { long[] e = extra(ex.get(i).text()); long[] hh = Arrays.copyOf(h, h.length + e.length); System.arraycopy(e, 0, hh, h.length, e.length); h = hh; }
      TreeMap<Integer, Integer> c = new TreeMap<>();
      for (long x : h) {
        int j = col.computeIfAbsent(x, k -> col.size());
        c.merge(j, 1, Integer::sum);
      }
      m.idx[i] = c.keySet().stream().mapToInt(Integer::intValue).toArray();
      m.cnt[i] = new float[m.idx[i].length];
      int t = 0;
      for (int v : c.values()) m.cnt[i][t++] = v;
    }
    m.cols = col.size();
    if (CAMEO_SCALE != 1 && fc.cameoVerbs() > 0) {
      // columns the same configuration without CAMEO never emits are the CAMEO features
      Featurizer base = new Featurizer(new FeatureConfig(fc.wordNgrams(), fc.charNgramMin(), fc.charNgramMax(), fc.cueLexicon(), fc.stemLength(), fc.targetConjunctions(), 0));
      Set<Long> plain = new HashSet<>();
      for (Example e : ex) for (long x : base.features(e.text(), e.target())) plain.add(x);
      m.colScale = new double[m.cols];
      Arrays.fill(m.colScale, CAMEO_SCALE);
      col.forEach((h, j) -> { if (plain.contains(h)) m.colScale[j] = 1; });
    }
    return m;
  }

  /** variant settings */
  static final class V {
    String name;
    boolean logtf = false, idf = false, l2 = false, nb = false;
    double nbAlpha = 1.0, nbBeta = 1.0, idfPow = 1.0; // nb: interpolation beta of ratio with 1
    double lambda = 0.5;
    double posWeight = 1.0; // 1, or <0 for balanced^(-posWeight) power
    boolean perLabelLambda = false;
    int bag = 0; // 0: the fit on all rows; 1: mean of the calibration folds' fits; 2: mean of both
    double[] lambdas = {0.25, 0.5, 1, 2};
    /** static word vectors: encoders (+ between; null: none), PCA dimension, scale, word weighting, mean instead of sum */
    String wv = null; int wvDim = 64; double wvScale = 1; String wvWeight = "sif1e-3"; boolean wvMean = false, wvZ = false;
    /** bigram vectors (encoder; null: none) and their scale; strict: only BERT-vocabulary words and the fold's training words have vectors */
    String wvb = null; double wvbScale = 2; boolean wvStrict = false;
    /** the dense inputs alone: every sparse feature's value 0 */
    boolean wvOnly = false;
    V(String n) { name = n; }
  }

  /** values of row i under weighting from training rows stats */
  static double[] idfOf(Mat m, int[] rows) {
    int[] df = new int[m.cols];
    for (int r : rows) for (int j : m.idx[r]) df[j]++;
    double[] idf = new double[m.cols];
    int n = rows.length;
    for (int j = 0; j < m.cols; j++) idf[j] = df[j] == 0 ? 0 : Math.log((n + 1.0) / (df[j] + 1.0)) + 1.0;
    return idf;
  }

  static float[][] values(Mat m, V v, double[] idf) {
    float[][] val = new float[m.idx.length][];
    for (int i = 0; i < m.idx.length; i++) {
      float[] x = new float[m.idx[i].length];
      double norm = 0;
      for (int t = 0; t < x.length; t++) {
        int j = m.idx[i][t];
        if (j >= m.denseFrom) { x[t] = (float) DENSE_CUR[i][j - m.denseFrom]; continue; }
        if (idf[j] == 0 || v.wvOnly) { x[t] = 0; continue; } // unseen in training, or sparse features off
        double tf = v.logtf ? 1 + Math.log(m.cnt[i][t]) : 1;
        double w = tf * (v.idf ? Math.pow(idf[j], v.idfPow) : 1) * (m.colScale == null ? 1 : m.colScale[j]);
        x[t] = (float) w;
        norm += w * w;
      }
      if (v.l2 && norm > 0) {
        double s = 1 / Math.sqrt(norm);
        for (int t = 0; t < x.length; t++) x[t] *= s;
      }
      val[i] = x;
    }
    return val;
  }

  /** per global row, a weight on its loss (null: 1) */
  static double[] ROWW = null;

  static final class Obj implements DifferentiableMultivariateFunction {
    final Mat m; final float[][] val; final int[] rows; final int[] y; final double[] scale; final double lambda, pw;
    final int p;
    Obj(Mat m, float[][] val, int[] rows, int[] y, double[] scale, double lambda, double pw) {
      this.m = m; this.val = val; this.rows = rows; this.y = y; this.scale = scale; this.lambda = lambda; this.pw = pw; this.p = m.cols;
    }
    double z(double[] w, int r) {
      double z = w[p];
      int[] ix = m.idx[r]; float[] x = val[r];
      for (int t = 0; t < ix.length; t++) z += w[ix[t]] * x[t] * (scale == null ? 1 : scale[ix[t]]);
      return z;
    }
    public double f(double[] w) {
      double f = 0;
      for (int i = 0; i < rows.length; i++) {
        double z = z(w, rows[i]);
        f += (y[i] == 1 ? pw : 1) * (ROWW == null ? 1 : ROWW[rows[i]]) * (MathEx.log1pe(z) - y[i] * z);
      }
      double s = 0; for (int j = 0; j < p; j++) s += w[j] * w[j];
      return f + 0.5 * lambda * s;
    }
    public double g(double[] w, double[] g) {
      Arrays.fill(g, 0);
      double f = 0;
      for (int i = 0; i < rows.length; i++) {
        int r = rows[i];
        double z = z(w, r);
        double c = (y[i] == 1 ? pw : 1) * (ROWW == null ? 1 : ROWW[r]);
        f += c * (MathEx.log1pe(z) - y[i] * z);
        double err = c * (MathEx.sigmoid(z) - y[i]);
        int[] ix = m.idx[r]; float[] x = val[r];
        for (int t = 0; t < ix.length; t++) g[ix[t]] += err * x[t] * (scale == null ? 1 : scale[ix[t]]);
        g[p] += err;
      }
      double s = 0; for (int j = 0; j < p; j++) { s += w[j] * w[j]; g[j] += lambda * w[j]; }
      return f + 0.5 * lambda * s;
    }
  }

  static double[] nbScale(Mat m, float[][] val, int[] rows, int[] y, V v) {
    double[] pc = new double[m.cols], qc = new double[m.cols];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      double[] a = y[i] == 1 ? pc : qc;
      for (int t = 0; t < m.idx[r].length; t++) a[m.idx[r][t]] += val[r][t] == 0 ? 0 : 1;
    }
    double ps = 0, qs = 0;
    for (int j = 0; j < m.cols; j++) { ps += pc[j] + v.nbAlpha; qs += qc[j] + v.nbAlpha; }
    double[] s = new double[m.cols];
    for (int j = 0; j < m.cols; j++) {
      double r = Math.abs(Math.log(((pc[j] + v.nbAlpha) / ps) / ((qc[j] + v.nbAlpha) / qs)));
      s[j] = v.nbBeta * r + (1 - v.nbBeta);
    }
    return s;
  }

  /** fit a binary model; returns weights (p+1) already multiplied by scale */
  static double[] fit(Mat m, float[][] val, int[] rows, int[] y, V v, double lambda) {
    int pos = 0; for (int t : y) pos += t;
    double[] w = new double[m.cols + 1];
    if (pos == 0 || pos == y.length) { w[m.cols] = Math.log((pos + .5) / (y.length - pos + .5)); return w; }
    double pw = v.posWeight >= 0 ? v.posWeight : Math.pow((y.length - pos) / (double) pos, -v.posWeight);
    double[] scale = v.nb ? nbScale(m, val, rows, y, v) : null;
    BFGS.minimize(new Obj(m, val, rows, y, scale, lambda, pw), 5, w, 1e-3, 500);
    if (scale != null) for (int j = 0; j < m.cols; j++) w[j] *= scale[j];
    return w;
  }

  static double score(Mat m, float[][] val, double[] w, int r) {
    double z = w[m.cols];
    for (int t = 0; t < m.idx[r].length; t++) z += w[m.idx[r][t]] * val[r][t];
    return z;
  }

  static final double[] COARSE = IntStream.range(0, 19).mapToDouble(i -> Math.round(0.05 * (i + 1) * 100) / 100.0).toArray();
  static final double[] FINE = IntStream.range(0, 97).mapToDouble(i -> Math.round(0.01 * (i + 2) * 100) / 100.0).toArray();
  /** threshold choice of the current variant: grid, and half-width of the F1 smoothing window (grid steps) */
  static double[] GRID = COARSE;
  static int SMOOTH = 0;

  static double bestThreshold(double[] probs, int[] y) {
    double[] f1s = new double[GRID.length];
    for (int g = 0; g < GRID.length; g++) {
      double t = GRID[g];
      int tp = 0, fp = 0, fn = 0;
      for (int i = 0; i < y.length; i++) {
        boolean p = probs[i] >= t;
        if (p && y[i] == 1) tp++; else if (p) fp++; else if (y[i] == 1) fn++;
      }
      f1s[g] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    double best = 0.5, bestF1 = -1;
    for (int g = 0; g < GRID.length; g++) {
      double t = GRID[g];
      double f1 = 0; int c = 0;
      for (int h = Math.max(0, g - SMOOTH); h <= Math.min(GRID.length - 1, g + SMOOTH); h++) { f1 += f1s[h]; c++; }
      f1 /= c;
      if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && Math.abs(t - .5) < Math.abs(best - .5))) { bestF1 = f1; best = t; }
    }
    return best;
  }

  static double[] platt(double[] z, int[] y) {
    int pos = 0; for (int t : y) pos += t;
    if (pos == 0 || pos == y.length) return new double[] {-1, 0};
    PlattScaling p = PlattScaling.fit(z, y);
    double b = logit1m(p.scale(0.0));
    double a = logit1m(p.scale(1.0)) - b;
    return new double[] {a, b};
  }
  static double logit1m(double s) { double c = Math.min(1 - 1e-12, Math.max(1e-12, s)); return Math.log(1.0 / c - 1.0); }
  static double apply(double[] ab, double z) { return 1.0 / (1.0 + Math.exp(ab[0] * z + ab[1])); }

  /** a fold model: inner OOF logits on train rows, calibration, thresholds, test logits */
  static final class FoldResult {
    int[] train, test;
    double[][] oofTrain; // [k][train.length] logits
    double[][] testZ;    // [k][test.length]
    double[][][] bagZ;   // [bag 0..2][k][test.length]: the fit on all rows, the folds' mean, the mean of both
  }

  static int[] sub(int[] rows, int[] fold, int f, boolean in) {
    return Arrays.stream(rows).filter(r -> (fold[r] == f) == in).toArray();
  }

  static double chooseLambda(Mat m, float[][] val, int[] rows, int[] y, V v, int[] ifold, int ifolds) {
    double best = v.lambda, bestLoss = Double.MAX_VALUE;
    for (double lam : v.lambdas) {
      double loss = 0;
      for (int f = 0; f < ifolds; f++) {
        final int ff = f;
        int[] tr = IntStream.range(0, rows.length).filter(i -> ifold[i] != ff).toArray();
        int[] te = IntStream.range(0, rows.length).filter(i -> ifold[i] == ff).toArray();
        int[] trr = Arrays.stream(tr).map(i -> rows[i]).toArray();
        int[] ytr = Arrays.stream(tr).map(i -> y[i]).toArray();
        double[] w = fit(m, val, trr, ytr, v, lam);
        for (int i : te) { double z = score(m, val, w, rows[i]); loss += MathEx.log1pe(z) - y[i] * z; }
      }
      if (loss < bestLoss) { bestLoss = loss; best = lam; }
    }
    return best;
  }

  static FoldResult runFold(Mat m, V v, int[] train, int[] test, long seed) {
    FoldResult fr = new FoldResult();
    fr.train = train; fr.test = test;
    if (v.wv != null) DENSE_CUR = denseInputs(v, train);
    double[] idf = idfOf(m, train);
    float[][] val = values(m, v, idf);
    List<Example> trEx = Arrays.stream(train).mapToObj(ex::get).toList();
    int[] ifold = Folds.assign(trEx, 5, seed);
    fr.oofTrain = new double[K][train.length];
    fr.testZ = new double[K][test.length];
    fr.bagZ = new double[3][K][test.length];
    IntStream.range(0, K).parallel().forEach(o -> {
      int[] y = Arrays.stream(train).map(r -> Y[o][r]).toArray();
      double lam = v.perLabelLambda ? chooseLambda(m, val, train, y, v, ifold, 5) : v.lambda;
      double[] mean = new double[m.cols + 1];
      for (int f = 0; f < 5; f++) {
        final int ff = f;
        int[] tr = IntStream.range(0, train.length).filter(i -> ifold[i] != ff).toArray();
        int[] trr = Arrays.stream(tr).map(i -> train[i]).toArray();
        int[] ytr = Arrays.stream(tr).map(i -> y[i]).toArray();
        double[] w = fit(m, val, trr, ytr, v, lam);
        for (int i = 0; i < train.length; i++) if (ifold[i] == ff) fr.oofTrain[o][i] = score(m, val, w, train[i]);
        for (int j = 0; j <= m.cols; j++) mean[j] += w[j] / 5;
      }
      double[] w = fit(m, val, train, y, v, lam);
      double[] half = new double[m.cols + 1];
      for (int j = 0; j <= m.cols; j++) half[j] = 0.5 * (w[j] + mean[j]);
      for (int i = 0; i < test.length; i++) {
        fr.bagZ[0][o][i] = score(m, val, w, test[i]);
        fr.bagZ[1][o][i] = score(m, val, mean, test[i]);
        fr.bagZ[2][o][i] = score(m, val, half, test[i]);
        fr.testZ[o][i] = fr.bagZ[v.bag][o][i];
      }
    });
    return fr;
  }

  /** ensemble: a FoldResult whose logits are logit(mean of the two models' calibrated probs) */
  static FoldResult[] merge(FoldResult[] a, FoldResult[] b) {
    FoldResult[] out = new FoldResult[a.length];
    for (int f = 0; f < a.length; f++) {
      FoldResult r = new FoldResult();
      r.train = a[f].train; r.test = a[f].test;
      r.oofTrain = new double[K][r.train.length]; r.testZ = new double[K][r.test.length];
      for (int o = 0; o < K; o++) {
        final int oo = o;
        int[] y = Arrays.stream(r.train).map(q -> Y[oo][q]).toArray();
        double[] abA = platt(a[f].oofTrain[o], y), abB = platt(b[f].oofTrain[o], y);
        for (int i = 0; i < r.train.length; i++) r.oofTrain[o][i] = lg(0.5 * (apply(abA, a[f].oofTrain[o][i]) + apply(abB, b[f].oofTrain[o][i])));
        for (int i = 0; i < r.test.length; i++) r.testZ[o][i] = lg(0.5 * (apply(abA, a[f].testZ[o][i]) + apply(abB, b[f].testZ[o][i])));
      }
      out[f] = r;
    }
    return out;
  }

  /** the share of source groups kept in every training fold (learning curve); nested across values */
  static double FRAC = 1;

  static boolean kept(int row) {
    if (FRAC >= 1) return true;
    long h = com.google.common.hash.Hashing.murmur3_128().hashString(ex.get(row).group(), java.nio.charset.StandardCharsets.UTF_8).asLong();
    return (h >>> 11) * 0x1.0p-53 < FRAC;
  }

  static FoldResult[] runCV(Mat m, V v, long seed) {
    int[] fold = Folds.assign(ex.subList(0, nCv), 5, seed);
    int[] all = IntStream.range(0, nCv).toArray();
    FoldResult[] out = new FoldResult[5];
    for (int f = 0; f < 5; f++) out[f] = runFold(m, v, Arrays.stream(sub(all, fold, f, false)).filter(LexicalVariants::kept).toArray(), sub(all, fold, f, true), seed);
    return out;
  }

  /** calibrated probabilities: from oof logits (train) and test logits; returns [k][...] per fold */
  interface Decoder { String name(); }

  static Evaluation evaluate(FoldResult[] frs, String mode) {
    // mode words: bag1/bag2 (which final weights), fine (grid of 0.01), smN (F1 smoothed over +-N grid steps)
    GRID = mode.contains("fine") ? FINE : COARSE;
    java.util.regex.Matcher sm = java.util.regex.Pattern.compile("sm(\\d+)").matcher(mode);
    SMOOTH = sm.find() ? Integer.parseInt(sm.group(1)) : 0;
    int bag = mode.contains("bag1") ? 1 : mode.contains("bag2") ? 2 : 0;
    for (FoldResult fr : frs) if (fr.bagZ != null) fr.testZ = fr.bagZ[bag];
    int n = 0;
    for (FoldResult fr : frs) n += fr.test.length;
    int off = frs[0].test[0] >= nCv ? nCv : 0;
    List<List<String>> pred = new ArrayList<>(Collections.nCopies(n, null));
    List<double[]> scores = new ArrayList<>(Collections.nCopies(n, null));
    int[] outLabels = outputs.stream().mapToInt(tax::indexOf).toArray();
    int none = Positions.exclusiveIndex(tax);
    for (FoldResult fr : frs) {
      double[][] ptr = new double[K][fr.train.length];
      double[][] pte = new double[K][fr.test.length];
      double[] thr = new double[K];
      for (int o = 0; o < K; o++) {
        final int oo = o;
        int[] y = Arrays.stream(fr.train).map(r -> Y[oo][r]).toArray();
        double[] ab = platt(fr.oofTrain[o], y);
        for (int i = 0; i < fr.train.length; i++) ptr[o][i] = apply(ab, fr.oofTrain[o][i]);
        for (int i = 0; i < fr.test.length; i++) pte[o][i] = apply(ab, fr.testZ[o][i]);
      }
      if (mode.startsWith("stack")) {
        double[][][] st = stack(fr, ptr, pte, mode);
        ptr = st[0]; pte = st[1];
      }
      for (int o = 0; o < K; o++) {
        final int oo = o;
        int[] y = Arrays.stream(fr.train).map(r -> Y[oo][r]).toArray();
        thr[o] = bestThreshold(ptr[o], y);
      }
      if (mode.contains("joint")) jointThresholds(fr, ptr, thr, outLabels, none, mode.contains("jointnone") ? none : -1);
      Arrays.fill(MARGIN, Double.POSITIVE_INFINITY);
      if (mode.contains("margin")) chooseMargins(fr, ptr, thr, outLabels, none);
      double floor = 2;
      if (mode.contains("atleast")) floor = chooseFloor(fr, ptr, thr, outLabels, none);
      for (int i = 0; i < fr.test.length; i++) {
        double[] s = new double[tax.size()];
        for (int o = 0; o < K; o++) s[outLabels[o]] = pte[o][i];
        List<String> labels = decode(s, thr, outLabels, none, floor);
        pred.set(fr.test[i] - off, labels);
        scores.set(fr.test[i] - off, s);
      }
    }
    return new Evaluator().score(tax, ex.subList(off, off + n), pred, scores);
  }

  /**
   * thresholds by coordinate ascent on the macro-F1 of the decoded out-of-fold predictions of the
   * training rows, starting from the per-label ones (only the exclusive label's when onlyLabel >= 0)
   */
  static void jointThresholds(FoldResult fr, double[][] ptr, double[] thr, int[] outLabels, int none, int onlyLabel) {
    List<Example> sub = new ArrayList<>();
    for (int i = 0; i < fr.train.length; i++) sub.add(ex.get(fr.train[i]));
    double[][] rows = new double[fr.train.length][];
    for (int i = 0; i < fr.train.length; i++) {
      double[] s = new double[tax.size()];
      for (int o = 0; o < K; o++) s[outLabels[o]] = ptr[o][i];
      rows[i] = s;
    }
    java.util.function.Supplier<Double> macro = () -> {
      List<List<String>> pred = new ArrayList<>();
      for (double[] s : rows) { List<String> l = new ArrayList<>(); for (Position p : Positions.passing(tax, outLabels, thr, s)) l.add(p.label()); pred.add(l); }
      return new Evaluator().score(tax, sub, pred, null).macroF1();
    };
    double cur = macro.get();
    for (int pass = 0; pass < 2; pass++) {
      for (int o = 0; o < K; o++) {
        if (onlyLabel >= 0 && outLabels[o] != onlyLabel) continue;
        double keep = thr[o], best = keep;
        for (double t : GRID) {
          thr[o] = t;
          double f = macro.get();
          if (f > cur + 1e-9) { cur = f; best = t; }
        }
        thr[o] = best;
      }
    }
  }

  /** per output: a label passes only if its score is at least the best other label's minus this */
  static double[] MARGIN = new double[64];
  static final double[] MARGINS = {Double.POSITIVE_INFINITY, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0};

  /** a label's own score must come within MARGIN of the best other (non-none) label's */
  static double[] withMargins(double[] s, double[] thr, int[] outLabels, int none) {
    double[] t = thr.clone();
    for (int o = 0; o < outLabels.length; o++) {
      if (outLabels[o] == none || MARGIN[o] == Double.POSITIVE_INFINITY) continue;
      double best = 0;
      for (int q = 0; q < outLabels.length; q++) if (q != o && outLabels[q] != none) best = Math.max(best, s[outLabels[q]]);
      if (s[outLabels[o]] < best - MARGIN[o]) t[o] = 2; // cannot pass
    }
    return t;
  }

  /** per label, the margin with the best F1 of that label on the training rows' out-of-fold scores */
  static void chooseMargins(FoldResult fr, double[][] ptr, double[] thr, int[] outLabels, int none) {
    for (int o = 0; o < K; o++) {
      if (outLabels[o] == none) continue;
      double bestF = -1, best = Double.POSITIVE_INFINITY;
      for (double mg : MARGINS) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < fr.train.length; i++) {
          double sc = ptr[o][i], other = 0;
          for (int q = 0; q < K; q++) if (q != o && outLabels[q] != none) other = Math.max(other, ptr[q][i]);
          boolean p = sc >= thr[o] && sc >= other - mg;
          int y = Y[o][fr.train[i]];
          if (p && y == 1) tp++; else if (p) fp++; else if (y == 1) fn++;
        }
        double f = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        if (f > bestF + 1e-9) { bestF = f; best = mg; }
      }
      MARGIN[o] = best;
    }
  }

  static List<String> decode(double[] s, double[] thr, int[] outLabels, int none, double floor) {
    List<String> labels = new ArrayList<>();
    for (Position p : Positions.passing(tax, outLabels, withMargins(s, thr, outLabels, none), s)) labels.add(p.label());
    if (floor <= 1 && labels.size() == 1 && labels.get(0).equals("none")) {
      // no label passed (or none won): take the best non-none if above floor and none did not pass
      int noneOut = outputs.indexOf("none");
      if (s[none] < thr[noneOut]) {
        int best = -1;
        for (int o = 0; o < outLabels.length; o++) if (outLabels[o] != none && (best < 0 || s[outLabels[o]] > s[outLabels[best]])) best = o;
        if (s[outLabels[best]] >= floor) { labels.clear(); labels.add(outputs.get(best)); }
      }
    }
    return labels;
  }

  static double chooseFloor(FoldResult fr, double[][] ptr, double[] thr, int[] outLabels, int none) {
    double bestF = -1, best = 2;
    for (double floor : new double[] {2, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4}) {
      List<List<String>> pred = new ArrayList<>();
      List<Example> sub = new ArrayList<>();
      for (int i = 0; i < fr.train.length; i++) {
        double[] s = new double[tax.size()];
        for (int o = 0; o < K; o++) s[outLabels[o]] = ptr[o][i];
        pred.add(decode(s, thr, outLabels, none, floor));
        sub.add(ex.get(fr.train[i]));
      }
      double f = new Evaluator().score(tax, sub, pred, null).macroF1();
      if (f > bestF + 1e-9) { bestF = f; best = floor; }
    }
    return best;
  }

  /** second stage: per label logistic on all labels' calibrated probs (logit), fit on train OOF */
  static double[][][] stack(FoldResult fr, double[][] ptr, double[][] pte, String mode) {
    int ntr = fr.train.length, nte = fr.test.length;
    double[][] xtr = new double[ntr][K], xte = new double[nte][K];
    for (int o = 0; o < K; o++) {
      for (int i = 0; i < ntr; i++) xtr[i][o] = lg(ptr[o][i]);
      for (int i = 0; i < nte; i++) xte[i][o] = lg(pte[o][i]);
    }
    List<Example> trEx = Arrays.stream(fr.train).mapToObj(ex::get).toList();
    int[] ifold = Folds.assign(trEx, 5, 99);
    double[][] otr = new double[K][ntr], ote = new double[K][nte];
    double lam = mode.contains("strong") ? 10 : 1;
    for (int o = 0; o < K; o++) {
      final int oo = o;
      int[] y = Arrays.stream(fr.train).map(r -> Y[oo][r]).toArray();
      // inner OOF for the second stage, for its thresholds
      for (int f = 0; f < 5; f++) {
        final int ff = f;
        int[] tr = IntStream.range(0, ntr).filter(i -> ifold[i] != ff).toArray();
        double[] w = dense(xtr, y, tr, lam);
        for (int i = 0; i < ntr; i++) if (ifold[i] == ff) otr[o][i] = sig(dot(w, xtr[i]));
      }
      double[] w = dense(xtr, y, IntStream.range(0, ntr).toArray(), lam);
      for (int i = 0; i < nte; i++) ote[o][i] = sig(dot(w, xte[i]));
    }
    return new double[][][] {otr, ote};
  }
  static double lg(double p) { p = Math.min(1 - 1e-6, Math.max(1e-6, p)); return Math.log(p / (1 - p)); }
  static double sig(double z) { return 1 / (1 + Math.exp(-z)); }
  static double dot(double[] w, double[] x) { double z = w[x.length]; for (int j = 0; j < x.length; j++) z += w[j] * x[j]; return z; }
  static double[] dense(double[][] x, int[] y, int[] rows, double lam) {
    int p = x[0].length;
    double[] w = new double[p + 1];
    BFGS.minimize(new DifferentiableMultivariateFunction() {
      public double f(double[] w) { double f = 0; for (int i : rows) { double z = dot(w, x[i]); f += MathEx.log1pe(z) - y[i] * z; } double s = 0; for (int j = 0; j < p; j++) s += w[j] * w[j]; return f + .5 * lam * s; }
      public double g(double[] w, double[] g) { Arrays.fill(g, 0); double f = 0; for (int i : rows) { double z = dot(w, x[i]); f += MathEx.log1pe(z) - y[i] * z; double e = MathEx.sigmoid(z) - y[i]; for (int j = 0; j < p; j++) g[j] += e * x[i][j]; g[p] += e; } double s = 0; for (int j = 0; j < p; j++) { s += w[j] * w[j]; g[j] += lam * w[j]; } return f + .5 * lam * s; }
    }, 5, w, 1e-5, 500);
    return w;
  }

  // ---------------------------------------------------------------- static word vectors

  /** the dense inputs of every row for the current fold ([row][d]), set by runFold */
  static double[][] DENSE_CUR;
  /** per encoder list and dimension: the reduced vectors of the vocabulary, by word id */
  static final Map<String, double[][]> WV = new HashMap<>();
  /** the vocabulary of the word-vector files (the same word list for every encoder), word -> id */
  static Map<String, Integer> WV_IDS;
  /** per row: its distinct in-vocabulary word ids, their counts, and its alphabetic token count */
  static int[][] ROW_WORDS, ROW_COUNTS;
  static int[] ROW_TOKENS;

  static Map<String, float[]> readWords(String encoder) throws IOException {
    java.nio.file.Path f = java.nio.file.Path.of(System.getenv().getOrDefault("CACHE", "/tmp/static-cache"), "words-" + encoder + ".bin");
    Map<String, float[]> m = new TreeMap<>();
    try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(f)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String w = in.readUTF();
        float[] x = new float[in.readInt()];
        for (int j = 0; j < x.length; j++) x[j] = in.readFloat();
        m.put(w, x);
      }
    }
    return m;
  }

  /** the vocabulary's vectors (encoders side by side), reduced by PCA to d dimensions, scaled to a mean norm of 1 */
  static double[][] wordVectors(String encoders, int d) throws IOException {
    String key = encoders + "/" + d;
    double[][] got = WV.get(key);
    if (got != null) return got;
    List<Map<String, float[]>> maps = new ArrayList<>();
    for (String e : encoders.split("\\+")) maps.add(readWords(e));
    if (WV_IDS == null) {
      WV_IDS = new HashMap<>();
      for (String w : maps.get(0).keySet()) WV_IDS.put(w, WV_IDS.size());
      indexRows();
    }
    int n = WV_IDS.size();
    double[][] raw = new double[n][];
    for (Map.Entry<String, Integer> e : WV_IDS.entrySet()) {
      List<Double> row = new ArrayList<>();
      for (Map<String, float[]> m : maps) for (float x : m.get(e.getKey())) row.add((double) x);
      raw[e.getValue()] = row.stream().mapToDouble(Double::doubleValue).toArray();
    }
    double[][] out = d >= raw[0].length ? raw : pca(raw, d);
    double norm = 0;
    for (double[] x : out) { double s = 0; for (double y : x) s += y * y; norm += Math.sqrt(s) / n; }
    for (double[] x : out) for (int j = 0; j < x.length; j++) x[j] /= norm;
    WV.put(key, out);
    return out;
  }

  /**
   * PCA to d dimensions: the rows centred and projected on the d leading eigenvectors of their
   * covariance (commons-math3's EigenDecomposition, pure Java; Smile's PCA needs native OpenBLAS)
   */
  static double[][] pca(double[][] x, int d) {
    int n = x.length, p = x[0].length;
    double[] mu = new double[p];
    for (double[] r : x) for (int j = 0; j < p; j++) mu[j] += r[j] / n;
    double[][] cov = new double[p][p];
    for (double[] r : x) for (int j = 0; j < p; j++) { double a = r[j] - mu[j]; for (int k = j; k < p; k++) cov[j][k] += a * (r[k] - mu[k]); }
    for (int j = 0; j < p; j++) for (int k = j; k < p; k++) { cov[j][k] /= n - 1; cov[k][j] = cov[j][k]; }
    org.apache.commons.math3.linear.EigenDecomposition eig = new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(cov, false));
    double[] ev = eig.getRealEigenvalues();
    Integer[] order = new Integer[p];
    for (int j = 0; j < p; j++) order[j] = j;
    Arrays.sort(order, (a, b) -> Double.compare(ev[b], ev[a]));
    double[][] out = new double[n][d];
    for (int c = 0; c < d; c++) {
      double[] u = eig.getEigenvector(order[c]).toArray();
      // a fixed sign: the largest component positive
      int big = 0; for (int j = 1; j < p; j++) if (Math.abs(u[j]) > Math.abs(u[big])) big = j;
      double sg = u[big] < 0 ? -1 : 1;
      for (int i = 0; i < n; i++) { double z = 0; for (int j = 0; j < p; j++) z += (x[i][j] - mu[j]) * u[j]; out[i][c] = sg * z; }
    }
    return out;
  }

  static Map<String, Integer> BI_IDS;
  static int[][] ROW_BI, ROW_BICOUNTS;
  static double[][] BIVEC;
  static String BIVEC_KEY = "";
  static Set<Integer> BERT;

  static double[][] bigramVectors(String encoder, int d) throws IOException {
    if (BIVEC != null && BIVEC_KEY.equals(encoder + "/" + d)) return BIVEC;
    BIVEC_KEY = encoder + "/" + d;
    Map<String, float[]> m = readWords(encoder + "-bigrams");
    BI_IDS = new HashMap<>();
    double[][] raw = new double[m.size()][];
    for (Map.Entry<String, float[]> e : m.entrySet()) {
      double[] x = new double[e.getValue().length];
      for (int j = 0; j < x.length; j++) x[j] = e.getValue()[j];
      raw[BI_IDS.size()] = x;
      BI_IDS.put(e.getKey(), BI_IDS.size());
    }
    double[][] out = pca(raw, d);
    double norm = 0;
    for (double[] x : out) { double s = 0; for (double y : x) s += y * y; norm += Math.sqrt(s) / out.length; }
    for (double[] x : out) for (int j = 0; j < x.length; j++) x[j] /= norm;
    ROW_BI = new int[ex.size()][]; ROW_BICOUNTS = new int[ex.size()][];
    for (int i = 0; i < ex.size(); i++) {
      String text = ex.get(i).text();
      TreeMap<Integer, Integer> c = new TreeMap<>();
      String prev = null;
      for (long t = io.github.demarche.text.Tokens.next(text, 0); t != io.github.demarche.text.Tokens.NONE; t = io.github.demarche.text.Tokens.next(text, io.github.demarche.text.Tokens.end(t))) {
        int s0 = io.github.demarche.text.Tokens.start(t), e0 = io.github.demarche.text.Tokens.end(t);
        if (io.github.demarche.text.Tokens.charClass(text.charAt(s0)) != io.github.demarche.text.Tokens.ALPHABETIC) { prev = null; continue; }
        StringBuilder b = new StringBuilder(e0 - s0);
        for (int k = s0; k < e0; k++) b.append(Character.toLowerCase(text.charAt(k)));
        String w = b.toString();
        if (prev != null) { Integer id = BI_IDS.get(prev + " " + w); if (id != null) c.merge(id, 1, Integer::sum); }
        prev = w;
      }
      ROW_BI[i] = c.keySet().stream().mapToInt(Integer::intValue).toArray();
      ROW_BICOUNTS[i] = c.values().stream().mapToInt(Integer::intValue).toArray();
    }
    BIVEC = out;
    return out;
  }

  /** ids of the words of the BERT uncased vocabulary bundled with all-MiniLM-L6-v2 */
  static Set<Integer> bert() throws IOException {
    if (BERT != null) return BERT;
    Set<Integer> out = new HashSet<>();
    try (java.io.InputStream in = LexicalVariants.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("model").path("vocab").fieldNames()
          .forEachRemaining(w -> { Integer id = WV_IDS.get(w); if (id != null) out.add(id); });
    }
    return BERT = out;
  }

  static int denseDims(V v) throws IOException {
    return wordVectors(v.wv, v.wvDim)[0].length + (v.wvb == null ? 0 : v.wvDim);
  }

  static void indexRows() {
    int n = ex.size();
    ROW_WORDS = new int[n][]; ROW_COUNTS = new int[n][]; ROW_TOKENS = new int[n];
    for (int i = 0; i < n; i++) {
      String text = ex.get(i).text();
      TreeMap<Integer, Integer> c = new TreeMap<>();
      for (long t = io.github.demarche.text.Tokens.next(text, 0); t != io.github.demarche.text.Tokens.NONE; t = io.github.demarche.text.Tokens.next(text, io.github.demarche.text.Tokens.end(t))) {
        int s = io.github.demarche.text.Tokens.start(t), e = io.github.demarche.text.Tokens.end(t);
        if (io.github.demarche.text.Tokens.charClass(text.charAt(s)) != io.github.demarche.text.Tokens.ALPHABETIC) continue;
        ROW_TOKENS[i]++;
        StringBuilder b = new StringBuilder(e - s);
        for (int k = s; k < e; k++) b.append(Character.toLowerCase(text.charAt(k)));
        Integer id = WV_IDS.get(b.toString());
        if (id != null) c.merge(id, 1, Integer::sum);
      }
      ROW_WORDS[i] = c.keySet().stream().mapToInt(Integer::intValue).toArray();
      ROW_COUNTS[i] = c.values().stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** per word, its weight from the training rows: SIF a/(a + p(w)) (sifA), idf of the word (idf), or 1 (none) */
  static double[] wordWeights(String how, int[] train) {
    int n = WV_IDS.size();
    double[] c = new double[n];
    if (how.equals("none")) { Arrays.fill(c, 1); return c; }
    if (how.startsWith("sif")) {
      double a = Double.parseDouble(how.substring(3));
      double total = 0;
      double[] cnt = new double[n];
      for (int r : train) { total += ROW_TOKENS[r]; for (int t = 0; t < ROW_WORDS[r].length; t++) cnt[ROW_WORDS[r][t]] += ROW_COUNTS[r][t]; }
      for (int w = 0; w < n; w++) c[w] = a / (a + cnt[w] / total);
      return c;
    }
    if (how.equals("idf")) {
      double[] df = new double[n];
      for (int r : train) for (int w : ROW_WORDS[r]) df[w]++;
      for (int w = 0; w < n; w++) c[w] = Math.log((train.length + 1.0) / (df[w] + 1.0)) + 1.0;
      return c;
    }
    throw new IllegalArgumentException(how);
  }

  static double[][] denseInputs(V v, int[] train) {
    double[][] vec;
    try { vec = wordVectors(v.wv, v.wvDim); } catch (IOException e) { throw new UncheckedIOException(e); }
    double[] c = wordWeights(v.wvWeight, train);
    if (v.wvStrict) {
      Set<Integer> keep;
      try { keep = new HashSet<>(bert()); } catch (IOException e) { throw new UncheckedIOException(e); }
      for (int r : train) for (int w : ROW_WORDS[r]) keep.add(w);
      for (int w = 0; w < c.length; w++) if (!keep.contains(w)) c[w] = 0;
    }
    int d = vec[0].length;
    int dd = d + (v.wvb == null ? 0 : v.wvDim);
    double[][] out = new double[ex.size()][dd];
    for (int i = 0; i < ex.size(); i++) {
      double wsum = 0;
      for (int w : ROW_WORDS[i]) { wsum += c[w]; for (int j = 0; j < d; j++) out[i][j] += c[w] * vec[w][j]; }
      double f = v.wvScale / (v.wvMean && wsum > 0 ? wsum : 1);
      for (int j = 0; j < d; j++) out[i][j] *= f;
    }
    if (v.wvb != null) {
      double[][] bv;
      try { bv = bigramVectors(v.wvb, v.wvDim); } catch (IOException e) { throw new UncheckedIOException(e); }
      // SIF weights of the bigrams seen in the fold's training rows; the others have no vector
      double[] cnt = new double[bv.length];
      double total = 0;
      for (int r : train) { total += ROW_TOKENS[r]; for (int t = 0; t < ROW_BI[r].length; t++) cnt[ROW_BI[r][t]] += ROW_BICOUNTS[r][t]; }
      double a = Double.parseDouble(v.wvWeight.startsWith("sif") ? v.wvWeight.substring(3) : "1e-3");
      for (int i = 0; i < ex.size(); i++) {
        for (int b : ROW_BI[i]) {
          if (cnt[b] == 0) continue;
          double cb = v.wvbScale * a / (a + cnt[b] / total);
          for (int j = 0; j < v.wvDim; j++) out[i][d + j] += cb * bv[b][j];
        }
      }
    }
    if (v.wvZ) {
      // each dimension divided by its standard deviation over the training rows (times the scale): a linear map, so still foldable
      for (int j = 0; j < d; j++) {
        double m1 = 0, m2 = 0;
        for (int r : train) { m1 += out[r][j]; m2 += out[r][j] * out[r][j]; }
        m1 /= train.length; m2 /= train.length;
        double sd = Math.sqrt(Math.max(1e-12, m2 - m1 * m1)) / v.wvScale;
        for (double[] row : out) row[j] /= sd;
      }
    }
    return out;
  }

  /** the matrix with d dense columns appended to every row */
  static Mat withDense(Mat m, int d) {
    Mat o = new Mat();
    o.cols = m.cols + d; o.denseFrom = m.cols; o.colScale = m.colScale == null ? null : Arrays.copyOf(m.colScale, o.cols);
    if (o.colScale != null) for (int j = m.cols; j < o.cols; j++) o.colScale[j] = 1;
    o.idx = new int[m.idx.length][]; o.cnt = new float[m.idx.length][];
    for (int i = 0; i < m.idx.length; i++) {
      o.idx[i] = Arrays.copyOf(m.idx[i], m.idx[i].length + d);
      o.cnt[i] = Arrays.copyOf(m.cnt[i], m.cnt[i].length + d);
      for (int j = 0; j < d; j++) { o.idx[i][m.idx[i].length + j] = m.cols + j; o.cnt[i][m.idx[i].length + j] = 1; }
    }
    return o;
  }

  static String line(String name, Evaluation e) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s macro %.4f micro %.4f exact %.4f |", name, e.macroF1(), e.microF1(), e.accuracy()));
    e.perLabel().forEach((l, s) -> sb.append(String.format(Locale.ROOT, " %s=%.3f", l.substring(0, Math.min(5, l.length())), s.f1())));
    return sb.toString();
  }

  public static void main(String[] a) throws Exception {
    ex = new ArrayList<>(Datasets.readAll(List.of("data/diplomatic-statements/train.jsonl", "data/diplomatic-statements/dev.jsonl")));
    nCv = ex.size();
    ex.addAll(io.github.demarche.data.DocumentSentences.read("data/diplomatic-statements/documents.jsonl",
        io.github.demarche.data.DocumentSentences.sourcesOf(ex)));
    tax = Trainer.taxonomyOf(ex);
    outputs = tax.names();
    K = outputs.size();
    Y = new int[K][ex.size()];
    for (int o = 0; o < K; o++) for (int i = 0; i < ex.size(); i++) Y[o][i] = ex.get(i).labels().contains(outputs.get(o)) ? 1 : 0;
    long[] seeds = Arrays.stream(System.getenv().getOrDefault("SEEDS", "20261127,7").split(",")).mapToLong(Long::parseLong).toArray();
    boolean heldout = !"0".equals(System.getenv("HELDOUT"));
    Map<String, Mat> mats = new HashMap<>();
    for (String spec : a) {
      // spec: name:key=val,key=val
      String[] parts = spec.split(":", 2);
      V v = new V(parts[0]);
      SKIP = false; STEMBI = false; LEN = false; CAMEO_SCALE = 1; ROWW = null; FRAC = 1;
      FeatureConfig fc = FeatureConfig.defaults();
      Properties fp = fc.toProperties();
      List<String> modes = new ArrayList<>(List.of("plain"));
      String ens = null;
      if (parts.length > 1 && !parts[1].isEmpty()) for (String kv : parts[1].split(",")) {
        String[] x = kv.split("=");
        switch (x[0]) {
          case "logtf" -> v.logtf = true;
          case "idf" -> v.idf = true;
          case "l2" -> v.l2 = true;
          case "nb" -> v.nb = true;
          case "idfPow" -> v.idfPow = Double.parseDouble(x[1]);
          case "ens" -> ens = x[1];
          case "nbAlpha" -> v.nbAlpha = Double.parseDouble(x[1]);
          case "nbBeta" -> v.nbBeta = Double.parseDouble(x[1]);
          case "lambda" -> v.lambda = Double.parseDouble(x[1]);
          case "pw" -> v.posWeight = Double.parseDouble(x[1]);
          case "frac" -> FRAC = Double.parseDouble(x[1]);
          case "adj" -> {
            double aw = Double.parseDouble(x[1]);
            Map<String, Double> byId = new HashMap<>();
            com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String fn : List.of("data/diplomatic-statements/train.jsonl", "data/diplomatic-statements/dev.jsonl"))
              for (String ln : java.nio.file.Files.readAllLines(java.nio.file.Path.of(fn))) {
                var node = om.readTree(ln);
                byId.put(node.get("id").asText(), "adjudicated".equals(node.get("annotation").asText()) ? aw : 1.0);
              }
            ROWW = new double[ex.size()];
            for (int i = 0; i < ex.size(); i++) ROWW[i] = byId.getOrDefault(ex.get(i).id(), 1.0);
            System.out.println("adjudicated weight " + aw + ": " + Arrays.stream(ROWW).filter(d -> d != 1).count() + " rows");
          }
          case "pll" -> v.perLabelLambda = true;
          case "bag" -> v.bag = Integer.parseInt(x[1]);
          case "skip" -> SKIP = true;
          case "stembi" -> STEMBI = true;
          case "len" -> LEN = true;
          case "cameoScale" -> CAMEO_SCALE = Double.parseDouble(x[1]);
          case "modes" -> modes = List.of(x[1].split("/"));
          case "wv" -> v.wv = x[1];
          case "wvd" -> v.wvDim = Integer.parseInt(x[1]);
          case "wvs" -> v.wvScale = Double.parseDouble(x[1]);
          case "wvw" -> v.wvWeight = x[1];
          case "wvmean" -> v.wvMean = true;
          case "wvz" -> v.wvZ = true;
          case "wvb" -> v.wvb = x[1];
          case "wvbs" -> v.wvbScale = Double.parseDouble(x[1]);
          case "wvstrict" -> v.wvStrict = true;
          case "wvonly" -> v.wvOnly = true;
          default -> fp.setProperty(x[0], x[1]);
        }
      }
      fc = FeatureConfig.fromProperties(fp);
      Mat m2 = null;
      if (ens != null) {
        Properties fp2 = FeatureConfig.defaults().toProperties();
        for (String kv2 : ens.split(";")) { String[] y2 = kv2.split("~"); fp2.setProperty(y2[0], y2[1]); }
        m2 = featurize(FeatureConfig.fromProperties(fp2));
      }
      String key = fc + "/" + SKIP + "/" + STEMBI + "/" + LEN + "/" + CAMEO_SCALE;
      Mat m = mats.get(key);
      if (m == null) { m = featurize(FeatureConfig.fromProperties(fp)); mats.put(key, m); }
      if (v.wv != null) {
        String dk = key + "/wv/" + v.wv + "/" + v.wvDim + "/" + v.wvb;
        Mat md = mats.get(dk);
        if (md == null) { md = withDense(m, denseDims(v)); mats.put(dk, md); }
        m = md;
      }
      if (heldout) {
        long t0 = System.nanoTime();
        FoldResult[] frs = {runFold(m, v, IntStream.range(0, nCv).toArray(), IntStream.range(nCv, ex.size()).toArray(), seeds[0])};
        if (m2 != null) frs = merge(frs, new FoldResult[] {runFold(m2, v, IntStream.range(0, nCv).toArray(), IntStream.range(nCv, ex.size()).toArray(), seeds[0])});
        for (String mode : modes) {
          Evaluation e = evaluate(frs, mode);
          System.out.println(line(v.name + "/" + mode + "/HELDOUT", e) + String.format(" [%ds]", (System.nanoTime() - t0) / 1_000_000_000));
        }
      }
      for (long seed : seeds) {
        long t0 = System.nanoTime();
        FoldResult[] frs = runCV(m, v, seed);
        if (m2 != null) frs = merge(frs, runCV(m2, v, seed));
        for (String mode : modes) {
          Evaluation e = evaluate(frs, mode);
          System.out.println(line(v.name + "/" + mode + "/s" + seed, e) + String.format(" [%ds]", (System.nanoTime() - t0) / 1_000_000_000));
        }
      }
    }
  }
}
