package io.github.demarche.tune;

import io.github.demarche.data.Example;
import io.github.demarche.eval.CrossValidator;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.eval.LabelScores;
import io.github.demarche.train.TrainingConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Searches training settings by grouped cross-validation on the user's own data and keeps the
 * best: it starts from a configuration, then tries each choice of each {@link SearchSpace}
 * dimension in turn against the best configuration so far, keeping a choice when it raises the
 * cross-validated score, and sweeps the dimensions again until a sweep changes nothing or the
 * budget (trials or time) runs out. Every trial uses the same folds (the configuration's seed), so
 * the same data, seed and trial limit give the same trials and the same choice. Immutable and
 * thread-safe; {@link #tune} may be called from several threads.
 */
public final class Autotuner {
  private final SearchSpace space;
  private final int folds;
  private final List<String> scoredLabels;
  private final int maxTrials;
  private final double budgetSeconds;
  private final LongSupplier nanoClock;

  /**
   * @param space the settings to search
   * @param folds grouped cross-validation folds per trial, at least 2
   * @param scoredLabels the labels whose mean F1 is the objective (SemEval's F_avg is {@code
   *     FAVOR, AGAINST}); empty for macro-F1 over all labels
   * @param maxTrials at most this many trials, counting the starting one; at least 1
   * @param budgetSeconds no trial starts once this much time has gone, or when the last trial's
   *     duration would overrun it; positive infinity for no limit
   * @param nanoClock the clock the budget is measured on ({@code System::nanoTime})
   */
  public Autotuner(SearchSpace space, int folds, List<String> scoredLabels, int maxTrials,
      double budgetSeconds, LongSupplier nanoClock) {
    if (folds < 2) {
      throw new IllegalArgumentException("autotuning needs at least 2 folds, was " + folds);
    }
    if (maxTrials < 1) {
      throw new IllegalArgumentException("the trial limit must be at least 1, was " + maxTrials);
    }
    if (!(budgetSeconds > 0)) {
      throw new IllegalArgumentException("the time budget must be positive, was " + budgetSeconds);
    }
    this.space = space;
    this.folds = folds;
    this.scoredLabels = List.copyOf(scoredLabels);
    this.maxTrials = maxTrials;
    this.budgetSeconds = budgetSeconds;
    this.nanoClock = nanoClock;
  }

  /**
   * What a search found. Immutable and thread-safe.
   *
   * @param trials every trial, in order
   * @param best the trial with the highest score (the earliest among equals)
   * @param stopReason why the search ended
   */
  public record Result(List<Trial> trials, Trial best, String stopReason) {
    public Result {
      trials = List.copyOf(trials);
    }

    /** The configuration to train the final model with. */
    public TrainingConfig bestConfig() {
      return best.config();
    }
  }

  /**
   * Tunes on the examples from {@code start}, reporting each trial as it ends.
   *
   * @throws IllegalArgumentException when the examples cannot be cross-validated (too few groups)
   *     or a choice sets an invalid value
   */
  public Result tune(List<Example> examples, TrainingConfig start, Consumer<Trial> onTrial) {
    long t0 = nanoClock.getAsLong();
    List<Trial> trials = new ArrayList<>();
    Set<TrainingConfig> tried = new HashSet<>();
    Trial best = run(examples, start, start, "start", 1, Double.NEGATIVE_INFINITY);
    trials.add(best);
    tried.add(start);
    onTrial.accept(best);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SearchSpace.Dimension dimension : space.dimensions()) {
        for (SearchSpace.Choice choice : dimension.choices()) {
          TrainingConfig candidate = apply(best.config(), choice.settings());
          if (!tried.add(candidate)) {
            continue;
          }
          String stop = stopReason(trials, t0);
          if (stop != null) {
            return new Result(trials, best, stop);
          }
          Trial trial = run(examples, start, candidate, choice.label(), trials.size() + 1,
              best.score());
          trials.add(trial);
          onTrial.accept(trial);
          if (trial.improved()) {
            best = trial;
            changed = true;
          }
        }
      }
    }
    return new Result(trials, best, "no choice improves the best configuration");
  }

  private String stopReason(List<Trial> trials, long t0) {
    if (trials.size() >= maxTrials) {
      return "trial limit (" + maxTrials + ") reached";
    }
    double elapsed = (nanoClock.getAsLong() - t0) / 1e9;
    double last = trials.get(trials.size() - 1).seconds();
    if (elapsed + last > budgetSeconds) {
      return String.format(Locale.ROOT,
          "time budget (%.0f s): %.0f s used, another trial would overrun it", budgetSeconds,
          elapsed);
    }
    return null;
  }

  private Trial run(List<Example> examples, TrainingConfig start, TrainingConfig config,
      String change, int number, double bestScore) {
    long t = nanoClock.getAsLong();
    Evaluation e = new CrossValidator(config, folds, new Evaluator()).run(examples);
    double seconds = (nanoClock.getAsLong() - t) / 1e9;
    double score = score(e);
    return new Trial(number, change, config, differences(start, config), score, e.macroF1(),
        seconds, score > bestScore);
  }

  private double score(Evaluation e) {
    if (scoredLabels.isEmpty()) {
      return e.macroF1();
    }
    double sum = 0;
    for (String label : scoredLabels) {
      LabelScores s = e.perLabel().get(label);
      sum += s == null ? 0 : s.f1();
    }
    return sum / scoredLabels.size();
  }

  /** The configuration with the settings replaced. */
  static TrainingConfig apply(TrainingConfig config, Map<String, String> settings) {
    Properties p = config.toProperties();
    settings.forEach(p::setProperty);
    return TrainingConfig.fromProperties(p);
  }

  private static Map<String, String> differences(TrainingConfig from, TrainingConfig to) {
    Map<String, String> a = from.toMap();
    Map<String, String> out = new TreeMap<>();
    to.toMap().forEach((k, v) -> {
      if (!v.equals(a.get(k))) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The trials as a Markdown table: number, change, differing settings, scores, time. */
  public String table(Result result) {
    StringBuilder sb = new StringBuilder(header());
    for (Trial t : result.trials()) {
      sb.append(row(t, t == result.best())).append('\n');
    }
    return sb.toString();
  }

  /** The two header lines of {@link #table}, for printing its rows as trials end. */
  public String header() {
    StringBuilder sb = new StringBuilder();
    String objective = scoredLabels.isEmpty() ? "macro-F1" : "F1 " + String.join("/", scoredLabels);
    sb.append("| trial | change | settings changed from the start | ").append(objective)
        .append(scoredLabels.isEmpty() ? "" : " | macro-F1").append(" | seconds | |\n");
    sb.append("|---:|---|---|---:|").append(scoredLabels.isEmpty() ? "" : "---:|")
        .append("---:|---|\n");
    return sb.toString();
  }

  /** One trial as a row of {@link #table}; {@code best} marks the chosen one. */
  public String row(Trial t, boolean best) {
    String settings = t.differences().isEmpty() ? "-" : String.join(", ",
        t.differences().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    return String.format(Locale.ROOT, "| %d | %s | %s | %.4f |%s %.1f | %s |", t.number(),
        t.change(), settings, t.score(),
        scoredLabels.isEmpty() ? "" : String.format(Locale.ROOT, " %.4f |", t.macroF1()),
        t.seconds(), best ? "best" : t.improved() && t.number() > 1 ? "better" : "");
  }

  /** The settings that describe this search, for the model card. */
  public String describe() {
    return String.format(Locale.ROOT, "grouped %d-fold cross-validation, objective %s, %s,"
        + " budget %s", folds,
        scoredLabels.isEmpty() ? "macro-F1" : "mean F1 of " + String.join(", ", scoredLabels),
        maxTrials == Integer.MAX_VALUE ? "no trial limit" : "at most " + maxTrials + " trials",
        Double.isInfinite(budgetSeconds) ? "none"
            : String.format(Locale.ROOT, "%.0f s", budgetSeconds));
  }
}
