package io.github.demarche.eval;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures a classifier on labelled examples: per-label precision/recall/F1, micro and macro
 * averages, exact-match accuracy, a confusion matrix for single-label data and the worst errors.
 * Stateless and thread-safe.
 */
public final class Evaluator {
  /** The confusion-matrix column of a single-label model that took no position. */
  public static final String NO_POSITION = "(no position)";

  private final int maxErrors;

  /** An evaluator that keeps the {@code maxErrors} worst misclassified statements (0 for none). */
  public Evaluator(int maxErrors) {
    if (maxErrors < 0) {
      throw new IllegalArgumentException("maxErrors must be >= 0");
    }
    this.maxErrors = maxErrors;
  }

  public Evaluator() {
    this(0);
  }

  /** Classifies every example with the classifier and scores the predictions. */
  public Evaluation evaluate(StanceClassifier classifier, List<Example> examples) {
    List<List<String>> predicted = new ArrayList<>(examples.size());
    List<double[]> scores = new ArrayList<>(examples.size());
    for (Example e : examples) {
      StanceInput in = new StanceInput(e.text(), e.target());
      double[] s = classifier.scoreArray(in);
      scores.add(s);
      List<String> labels = new ArrayList<>();
      for (Position p : classifierPositions(classifier, s, in)) {
        labels.add(p.label());
      }
      predicted.add(labels);
    }
    return score(classifier.taxonomy(), examples, predicted, scores);
  }

  private static List<Position> classifierPositions(StanceClassifier c, double[] s, StanceInput in) {
    if (c instanceof io.github.demarche.model.StanceModel m) {
      return m.positionsFromScores(s);
    }
    return c.classify(in);
  }

  /**
   * Scores given predictions against the examples' gold labels.
   *
   * @param scores per example, label scores in taxonomy order (used to rank errors), or null
   */
  public Evaluation score(Taxonomy taxonomy, List<Example> examples, List<List<String>> predicted,
      List<double[]> scores) {
    Set<String> labels = new LinkedHashSet<>(taxonomy.names());
    Map<String, Integer> unknown = new TreeMap<>();
    for (Example e : examples) {
      for (String l : e.labels()) {
        if (!labels.contains(l)) {
          unknown.merge(l, 1, Integer::sum);
        }
      }
    }
    labels.addAll(unknown.keySet());
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (String l : labels) {
      counts.put(l, new int[3]);
    }
    int exact = 0;
    Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    List<Evaluation.ErrorCase> errors = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      Set<String> gold = new HashSet<>(e.labels());
      Set<String> pred = new HashSet<>(predicted.get(i));
      if (gold.equals(pred)) {
        exact++;
      } else if (maxErrors > 0) {
        errors.add(new Evaluation.ErrorCase(e.id(), e.text(), e.labels(), predicted.get(i),
            loss(taxonomy, gold, scores == null ? null : scores.get(i)), e.target()));
      }
      for (String l : labels) {
        int[] c = counts.get(l);
        boolean g = gold.contains(l);
        boolean p = pred.contains(l);
        if (g && p) {
          c[0]++;
        } else if (p) {
          c[1]++;
        } else if (g) {
          c[2]++;
        }
      }
    }
    if (!examples.isEmpty()) {
      confusion = confusion(labels, examples, predicted);
    }
    Map<String, LabelScores> perLabel = new LinkedHashMap<>();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double macro = 0;
    int macroCount = 0;
    for (String l : labels) {
      int[] c = counts.get(l);
      LabelScores s = LabelScores.of(l, c[0], c[1], c[2]);
      perLabel.put(l, s);
      tp += c[0];
      fp += c[1];
      fn += c[2];
      if (c[0] + c[1] + c[2] > 0) {
        macro += s.f1();
        macroCount++;
      }
    }
    LabelScores micro = LabelScores.of("micro", tp, fp, fn);
    errors.sort(Comparator.comparingDouble(Evaluation.ErrorCase::loss).reversed());
    int n = examples.size();
    return new Evaluation(n, n == 0 ? 0 : (double) exact / n, micro.precision(), micro.recall(),
        micro.f1(), macroCount == 0 ? 0 : macro / macroCount, perLabel, confusion, unknown,
        List.copyOf(errors.subList(0, Math.min(maxErrors, errors.size()))),
        calibrationError(taxonomy, examples, scores), reliability(taxonomy, examples, scores));
  }

  /**
   * The confusion matrix over every label that is some statement's gold or predicted label, rows
   * (gold) and columns (predicted) in the same order: {@code labels}' order, then any predicted
   * label it lacks. Zeros are kept, so the matrix is square. A statement counts once for each
   * (gold label, predicted label) pair, so for single-label data this is the usual matrix, and
   * for multi-label data its diagonal holds each label's true positives.
   */
  private static Map<String, Map<String, Integer>> confusion(Set<String> labels,
      List<Example> examples, List<List<String>> predicted) {
    // a statement given no position at all (a single-label model's abstention) is a column too
    List<List<String>> shown = predicted.stream()
        .map(p -> p.isEmpty() ? List.of(NO_POSITION) : p).toList();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < examples.size(); i++) {
      used.addAll(examples.get(i).labels());
      used.addAll(shown.get(i));
    }
    List<String> order = new ArrayList<>();
    labels.stream().filter(used::contains).forEach(order::add);
    used.stream().filter(l -> !labels.contains(l)).sorted().forEach(order::add);
    Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
    for (String gold : order) {
      Map<String, Integer> row = new LinkedHashMap<>();
      order.forEach(p -> row.put(p, 0));
      matrix.put(gold, row);
    }
    for (int i = 0; i < examples.size(); i++) {
      for (String gold : examples.get(i).labels()) {
        for (String p : new LinkedHashSet<>(shown.get(i))) {
          matrix.get(gold).merge(p, 1, Integer::sum);
        }
      }
    }
    return matrix;
  }

  /**
   * Expected calibration error: the gap between each reliability bin's mean score and its share
   * of true labels, weighted by bin size.
   */
  static double calibrationError(Taxonomy taxonomy, List<Example> examples, List<double[]> scores) {
    List<Evaluation.ReliabilityBin> bins = reliability(taxonomy, examples, scores);
    if (bins.isEmpty()) {
      return Double.NaN;
    }
    double total = bins.stream().mapToInt(Evaluation.ReliabilityBin::count).sum();
    double ece = 0;
    for (Evaluation.ReliabilityBin b : bins) {
      if (b.count() > 0) {
        ece += b.count() / total * Math.abs(b.meanScore() - b.positiveRate());
      }
    }
    return ece;
  }

  /**
   * Label scores put in 10 equal-width bins, with each bin's mean score and share of true labels;
   * empty when no scores were given. The exclusive label is left out: its score is derived from
   * the others.
   */
  static List<Evaluation.ReliabilityBin> reliability(Taxonomy taxonomy, List<Example> examples,
      List<double[]> scores) {
    if (scores == null || examples.isEmpty()) {
      return List.of();
    }
    int bins = 10;
    double[] sum = new double[bins];
    int[] positives = new int[bins];
    int[] count = new int[bins];
    int exclusive = taxonomy.exclusiveLabel().map(taxonomy::indexOf).orElse(-1);
    for (int i = 0; i < examples.size(); i++) {
      double[] s = scores.get(i);
      for (int l = 0; l < taxonomy.size(); l++) {
        if (l == exclusive) {
          continue;
        }
        int b = Math.min(bins - 1, (int) (s[l] * bins));
        sum[b] += s[l];
        count[b]++;
        positives[b] += examples.get(i).labels().contains(taxonomy.labels().get(l).name()) ? 1 : 0;
      }
    }
    List<Evaluation.ReliabilityBin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      out.add(new Evaluation.ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
          count[b] == 0 ? 0 : sum[b] / count[b], count[b] == 0 ? 0 : (double) positives[b] / count[b]));
    }
    return List.copyOf(out);
  }

  /** Summed squared distance between the label scores and the gold indicator. */
  private static double loss(Taxonomy taxonomy, Set<String> gold, double[] scores) {
    if (scores == null) {
      return 1;
    }
    double loss = 0;
    for (int l = 0; l < scores.length; l++) {
      double target = gold.contains(taxonomy.labels().get(l).name()) ? 1 : 0;
      loss += (scores[l] - target) * (scores[l] - target);
    }
    return loss;
  }
}
