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
 * features.cameo_verbs=2. HELDOUT=0 skips the held-out documents. Scratch tooling, not part of the
 * build.
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
        if (idf[j] == 0) { x[t] = 0; continue; } // unseen in training
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
        f += (y[i] == 1 ? pw : 1) * (MathEx.log1pe(z) - y[i] * z);
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
        double c = (y[i] == 1 ? pw : 1);
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

  static FoldResult[] runCV(Mat m, V v, long seed) {
    int[] fold = Folds.assign(ex.subList(0, nCv), 5, seed);
    int[] all = IntStream.range(0, nCv).toArray();
    FoldResult[] out = new FoldResult[5];
    for (int f = 0; f < 5; f++) out[f] = runFold(m, v, sub(all, fold, f, false), sub(all, fold, f, true), seed);
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
      SKIP = false; STEMBI = false; LEN = false; CAMEO_SCALE = 1;
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
          case "pll" -> v.perLabelLambda = true;
          case "bag" -> v.bag = Integer.parseInt(x[1]);
          case "skip" -> SKIP = true;
          case "stembi" -> STEMBI = true;
          case "len" -> LEN = true;
          case "cameoScale" -> CAMEO_SCALE = Double.parseDouble(x[1]);
          case "modes" -> modes = List.of(x[1].split("/"));
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
