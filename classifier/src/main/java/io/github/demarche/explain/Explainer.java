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
 * Explains a model's positions by the words and word sequences behind them. Feature hashes cannot
 * be reversed, so the explainer names them by featurizing each word and each word sequence of
 * the statement on its own: a hash that a word (or sequence) produces alone is credited to it.
 * This works for any feature configuration a model file carries. About one featurization per
 * word, so meant for inspection, not for bulk scoring. Immutable and thread-safe.
 */
public final class Explainer {
  private final StanceModel model;

  public Explainer(StanceModel model) {
    this.model = model;
  }

  /**
   * For each position the model assigns to the input, the {@code top} words that contributed
   * most to it.
   */
  public List<Explanation> explain(StanceInput input, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("top must be >= 1, was " + top);
    }
    Map<Integer, String> names = nameColumns(input);
    int[] active = model.activeFeatures(input);
    double[] scores = model.scoreArray(input);
    List<String> outputs = model.outputs();
    List<Explanation> out = new ArrayList<>();
    for (Position p : model.positionsFromScores(scores)) {
      int o = outputs.indexOf(p.label());
      if (o < 0) {
        // the exclusive label has no output of its own: explain it by what held the others down
        out.add(new Explanation(p.label(), p.score(), List.of()));
        continue;
      }
      Map<String, Double> byName = new LinkedHashMap<>();
      for (int col : active) {
        double w = model.weight(col, o);
        if (model.mode() == Mode.SINGLE_LABEL) {
          // softmax is invariant to a shared shift: show the weight relative to the mean output
          double mean = 0;
          for (int k = 0; k < outputs.size(); k++) {
            mean += model.weight(col, k);
          }
          w -= mean / outputs.size();
        }
        byName.merge(names.getOrDefault(col, "(other)"), w, Double::sum);
      }
      List<Contribution> contributions = new ArrayList<>();
      byName.forEach((name, w) -> contributions.add(new Contribution(name, w)));
      contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight()))
          .thenComparing(Contribution::feature));
      out.add(new Explanation(p.label(), p.score(),
          contributions.subList(0, Math.min(top, contributions.size()))));
    }
    return out;
  }

  /** Names the vocabulary columns of the input by the shortest word sequence that yields them. */
  private Map<Integer, String> nameColumns(StanceInput input) {
    String text = input.text();
    Span[] spans = Tokens.spans(text);
    String[] words = new String[spans.length];
    for (int i = 0; i < spans.length; i++) {
      words[i] = spans[i].getCoveredText(text).toString().toLowerCase(Locale.ROOT);
    }
    Map<Integer, String> names = new HashMap<>();
    Set<Integer> base = columnsOf(" ", input.target());
    base.forEach(c -> names.put(c, "(bias)"));
    if (input.target() != null) {
      Set<Integer> targetOnly = columnsOf(" ", null);
      base.stream().filter(c -> !targetOnly.contains(c)).forEach(c -> names.put(c, "(target)"));
    }
    int longest = model.featureConfig().wordNgrams();
    for (int n = 1; n <= longest; n++) {
      for (int i = 0; i + n <= words.length; i++) {
        String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
        for (int c : columnsOf(phrase, input.target())) {
          names.putIfAbsent(c, phrase);
        }
      }
    }
    return names;
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
