package io.github.demarche.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import opennlp.tools.util.StringUtil;

/**
 * Checks labelled data for the mistakes that quietly spoil a model: labels with too few examples
 * to learn, labels that look like typos of a frequent one ({@code protectionsim} next to {@code
 * protectionism}, {@code Concern} next to {@code concern}), evaluation labels the training data
 * never shows, and data that cross-validation cannot group by {@code source}. Each check returns
 * one-line warnings with counts for people; it never changes the data. Stateless and thread-safe.
 */
public final class DataWarnings {
  /** Labels with fewer examples than this are reported as rare. */
  public static final int MIN_EXAMPLES = 5;
  /** Labels within this many letter edits of a more frequent label are reported as look-alikes. */
  public static final int MAX_EDITS = 2;

  private DataWarnings() {}

  /**
   * How many examples carry each label.
   *
   * @param examples labelled examples
   * @return label to count, most frequent first, then by name
   */
  public static Map<String, Integer> labelCounts(List<Example> examples) {
    Map<String, Integer> counts = new TreeMap<>();
    examples.forEach(e -> e.labels().forEach(l -> counts.merge(l, 1, Integer::sum)));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            LinkedHashMap::new));
  }

  /**
   * Warnings about the labels of training data: one per label with fewer than {@link
   * #MIN_EXAMPLES} examples, and one per label that differs only in case, or by at most {@link
   * #MAX_EDITS} letters (one for labels of four or five letters), from a label with at least {@link #MIN_EXAMPLES} examples and ten times
   * as many (a case-only difference is reported whatever the counts).
   *
   * @param what names the data in the warnings (its file names)
   * @param examples the training examples
   * @return one line per suspicious label, without a prefix; empty when all look fine
   */
  public static List<String> labels(String what, List<Example> examples) {
    Map<String, Integer> counts = labelCounts(examples);
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String label = e.getKey();
      int n = e.getValue();
      String lookalike = null;
      for (Map.Entry<String, Integer> f : counts.entrySet()) {
        if (f.getKey().equals(label)) {
          continue;
        }
        boolean caseOnly = f.getKey().equalsIgnoreCase(label);
        if (caseOnly ? f.getValue() > n || (f.getValue() == n && f.getKey().compareTo(label) < 0)
            : f.getValue() >= MIN_EXAMPLES && f.getValue() >= 10 * n
                && typoOf(label, f.getKey())) {
          lookalike = f.getKey();
          break;
        }
      }
      if (lookalike != null) {
        warnings.add(String.format(Locale.ROOT, "%s: label '%s' (%s) %s '%s' (%s): a typo? it is"
                + " trained as a label of its own", what, label, examples(n),
            lookalike.equalsIgnoreCase(label) ? "differs only in case from"
                : "is within " + edits(label, lookalike) + " letter(s) of",
            lookalike, examples(counts.get(lookalike))));
      } else if (n < MIN_EXAMPLES) {
        warnings.add(String.format(Locale.ROOT, "%s: label '%s' has only %s (fewer than %d): its"
            + " scores and figures will be unreliable", what, label, examples(n), MIN_EXAMPLES));
      }
    }
    return warnings;
  }

  /**
   * A warning when held-out data has labels the training data lacks (the model can never
   * predict them, so they count as misses), with how often each occurs; empty otherwise.
   *
   * @param what names the held-out data in the warning
   * @param training the training examples
   * @param heldOut the examples the model will be measured on
   * @return at most one line
   */
  public static List<String> unseenLabels(String what, List<Example> training,
      List<Example> heldOut) {
    Set<String> known = labelCounts(training).keySet();
    Map<String, Integer> unseen = new TreeMap<>();
    heldOut.forEach(e -> e.labels().stream().filter(l -> !known.contains(l))
        .forEach(l -> unseen.merge(l, 1, Integer::sum)));
    if (unseen.isEmpty()) {
      return List.of();
    }
    return List.of(String.format(Locale.ROOT, "%s: %d label(s) never seen in the training data,"
        + " counted as misses: %s", what, unseen.size(), unseen.entrySet().stream()
            .map(e -> "'" + e.getKey() + "' (" + examples(e.getValue()) + ")")
            .collect(Collectors.joining(", "))));
  }

  /**
   * A warning when cross-validation cannot keep documents together: no record has a {@code
   * source} (the folds are random, so sentences of one document may be on both sides of a split
   * and the figures are optimistic), or some records lack one. Empty when every record has one.
   *
   * @param what names the data in the warning
   * @param examples the examples to be cross-validated
   * @return at most one line
   */
  public static List<String> grouping(String what, List<Example> examples) {
    long without = examples.stream().filter(e -> e.group() == null).count();
    if (without == 0) {
      return List.of();
    }
    if (without == examples.size()) {
      return List.of(what + ": no record has a 'source', so cross-validation cannot group"
          + " records by document and falls back to random folds (figures may be optimistic when"
          + " records share a document)");
    }
    return List.of(String.format(Locale.ROOT, "%s: %d of %d records have no 'source'; each of"
        + " them is put in a fold on its own, at random", what, without, examples.size()));
  }

  private static String examples(int n) {
    return n == 1 ? "1 example" : n + " examples";
  }

  /**
   * True when {@code a} is within a few edits of {@code b}: {@link #MAX_EDITS} for labels of six
   * letters or more, one for four or five, none for shorter ones (any two-letter label is two
   * edits from any other).
   */
  private static boolean typoOf(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    int allowed = shorter >= 6 ? MAX_EDITS : shorter >= 4 ? 1 : 0;
    return allowed > 0 && edits(a, b) <= allowed;
  }

  /** Levenshtein distance, ignoring case. */
  static int edits(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return StringUtil.levenshteinDistance(x, y)[x.length()][y.length()];
  }
}
