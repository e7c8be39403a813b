package io.github.demarche.explain;

import io.github.demarche.api.StanceInput;
import io.github.demarche.domain.Position;
import io.github.demarche.model.Mode;
import io.github.demarche.model.StanceModel;
import io.github.demarche.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * Explains a model's positions by the words and phrases that moved them away from a neutral
 * baseline: the score of a statement with no words. Features every statement has (the bias, the
 * target on its own, the sentence boundary) make up the baseline and are not listed; function
 * words on their own ("the", "and", "to") are left out too, because their weight only says where
 * words sit, while negations and modals ("not", "never", "must", "will") stay. Feature hashes
 * cannot be reversed, so the explainer names them by featurizing each phrase of the statement on
 * its own (up to five words, enough for "call on NATO to step"): a hash that a phrase produces
 * alone is credited to the shortest such phrase. This works for any feature configuration a model
 * file carries. About five featurizations per word, so meant for inspection, not for bulk scoring.
 * Immutable and thread-safe.
 */
public final class Explainer {
  /** The longest phrase the explainer tries to name a feature by. */
  private static final int LONGEST_PHRASE = 5;
  /** Features only the whole statement yields (e.g. its form: first person, quoted). */
  static final String CONTEXT = "(context)";

  private final StanceModel model;

  public Explainer(StanceModel model) {
    this.model = model;
  }

  /**
   * For each position the model assigns to the input, the {@code top} words and phrases that
   * moved it most from the neutral baseline.
   */
  public List<Explanation> explain(StanceInput input, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("top must be >= 1, was " + top);
    }
    Set<Integer> baseline = columnsOf(" ", input.target());
    Names names = nameColumns(input, baseline);
    int[] active = model.activeFeatures(input);
    double[] scores = model.scoreArray(input);
    double[] neutralLogits = model.logits(new StanceInput("\u0000", input.target()));
    List<String> outputs = model.outputs();
    List<Explanation> out = new ArrayList<>();
    for (Position p : model.positionsFromScores(scores)) {
      int o = outputs.indexOf(p.label());
      if (o < 0) {
        // the exclusive label has no output of its own: explain it by what held the others down
        out.add(new Explanation(p.label(), p.score(), List.of(), 0, 0));
        continue;
      }
      Map<String, Double> byName = new LinkedHashMap<>();
      double functionWords = 0;
      for (int col : active) {
        if (baseline.contains(col)) {
          continue;
        }
        double w = relativeWeight(col, o);
        String name = names.byColumn.getOrDefault(col, CONTEXT);
        if (names.functionOnly.contains(name)) {
          functionWords += w;
        } else {
          byName.merge(name, w, Double::sum);
        }
      }
      double base = neutralLogits[o];
      if (model.mode() == Mode.SINGLE_LABEL) {
        base -= java.util.Arrays.stream(neutralLogits).average().orElse(0);
      }
      List<Contribution> contributions = new ArrayList<>();
      byName.forEach((name, w) -> contributions.add(new Contribution(name, w)));
      contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight()))
          .thenComparing(Contribution::feature));
      out.add(new Explanation(p.label(), p.score(),
          contributions.subList(0, Math.min(top, contributions.size())), base, functionWords));
    }
    return out;
  }

  /**
   * A column's weight for an output; for single-label models relative to the mean over outputs,
   * since softmax is invariant to a shift shared by all outputs.
   */
  private double relativeWeight(int col, int o) {
    double w = model.weight(col, o);
    if (model.mode() == Mode.SINGLE_LABEL) {
      int k = model.outputs().size();
      double mean = 0;
      for (int j = 0; j < k; j++) {
        mean += model.weight(col, j);
      }
      w -= mean / k;
    }
    return w;
  }

  /** The names of a statement's columns, and which names are function words only. */
  private record Names(Map<Integer, String> byColumn, Set<String> functionOnly) {}

  /** Names the vocabulary columns of the input by the shortest phrase that yields them. */
  private Names nameColumns(StanceInput input, Set<Integer> baseline) {
    String text = input.text();
    Span[] spans = Tokens.spans(text);
    String[] words = new String[spans.length];
    for (int i = 0; i < spans.length; i++) {
      words[i] = spans[i].getCoveredText(text).toString().toLowerCase(Locale.ROOT);
    }
    Map<Integer, String> names = new HashMap<>();
    Set<String> functionOnly = new HashSet<>();
    int longest = Math.max(LONGEST_PHRASE, model.featureConfig().wordNgrams());
    for (int n = 1; n <= longest; n++) {
      for (int i = 0; i + n <= words.length; i++) {
        String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
        // featurized as written, so capitals (names) mean what they mean in the statement
        String original = text.substring(spans[i].getStart(), spans[i + n - 1].getEnd());
        for (int c : columnsOf(original, input.target())) {
          if (!baseline.contains(c) && names.putIfAbsent(c, phrase) == null
              && FunctionWords.onlyFunctionWords(words, i, i + n)) {
            functionOnly.add(phrase);
          }
        }
      }
    }
    functionOnly.remove(CONTEXT);
    return new Names(names, functionOnly);
  }

  private Set<Integer> columnsOf(String text, String target) {
    Set<Integer> cols = new HashSet<>();
    if (text.isBlank()) {
      // a statement with no words: only the always-on features
      text = "\u0000";
    }
    for (int c : model.activeFeatures(new StanceInput(text, target))) {
      cols.add(c);
    }
    return cols;
  }
}
