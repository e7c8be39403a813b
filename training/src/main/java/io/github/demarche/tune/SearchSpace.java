package io.github.demarche.tune;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The settings {@link Autotuner} may change, as dimensions of alternative choices; each choice is
 * a set of training settings (keys {@code features.*} and {@code train.*}, as in {@code train
 * --set}). Immutable and thread-safe.
 *
 * @param dimensions searched one at a time, in this order
 */
public record SearchSpace(List<Dimension> dimensions) {

  public SearchSpace {
    if (dimensions == null || dimensions.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one dimension");
    }
    dimensions = List.copyOf(dimensions);
  }

  /**
   * One setting (or a few that go together, such as a character n-gram range) and its choices.
   * Immutable and thread-safe.
   *
   * @param name what the dimension changes, for the trial table
   * @param choices the alternatives, at least one
   */
  public record Dimension(String name, List<Choice> choices) {
    public Dimension {
      if (name == null || name.isBlank() || choices == null || choices.isEmpty()) {
        throw new IllegalArgumentException("a dimension needs a name and at least one choice");
      }
      choices = List.copyOf(choices);
    }
  }

  /**
   * One alternative of a dimension. Immutable and thread-safe.
   *
   * @param label how the trial table names it, e.g. {@code char 2-5}
   * @param settings the training settings it sets
   */
  public record Choice(String label, Map<String, String> settings) {
    public Choice {
      if (label == null || settings == null || settings.isEmpty()) {
        throw new IllegalArgumentException("a choice needs a label and at least one setting");
      }
      settings = Map.copyOf(settings);
    }
  }

  /**
   * The default space: character n-gram ranges (the biggest lever on short texts such as tweets),
   * word n-gram order, stems, the L2 penalty, target conjunctions and the minimum count.
   */
  public static SearchSpace defaults() {
    return new SearchSpace(List.of(
        new Dimension("char n-grams", List.of(
            chars(0, 0), chars(2, 5), chars(3, 5), chars(2, 4), chars(1, 4))),
        new Dimension("word n-grams", List.of(
            one("word n-grams 1", "features.word_ngrams", "1"),
            one("word n-grams 2", "features.word_ngrams", "2"),
            one("word n-grams 3", "features.word_ngrams", "3"))),
        new Dimension("stems", List.of(
            one("no stems", "features.stem_length", "0"),
            one("stems 4", "features.stem_length", "4"),
            one("stems 5", "features.stem_length", "5"),
            one("stems 6", "features.stem_length", "6"))),
        new Dimension("lambda", Stream.of("0.1", "0.25", "0.5", "1.0", "2.0")
            .map(v -> one("lambda " + v, "train.lambda", v)).toList()),
        new Dimension("target conjunctions", List.of(
            one("target conjunctions", "features.target_conjunctions", "true"),
            one("no target conjunctions", "features.target_conjunctions", "false"))),
        new Dimension("min count", List.of(
            one("min count 1", "train.min_count", "1"),
            one("min count 2", "train.min_count", "2"),
            one("min count 3", "train.min_count", "3")))));
  }

  private static Choice chars(int min, int max) {
    return new Choice(min == 0 ? "no char n-grams" : "char " + min + "-" + max, Map.of(
        "features.char_ngram_min", Integer.toString(min),
        "features.char_ngram_max", Integer.toString(max)));
  }

  private static Choice one(String label, String key, String value) {
    return new Choice(label, Map.of(key, value));
  }
}
