package io.github.demarche.explain;

import java.util.Set;

/**
 * English function words (articles, prepositions, conjunctions, pronouns, auxiliaries) that an
 * explanation leaves out on their own, because what they contribute is where a statement's words
 * sit rather than what it says. Negations and modals are not among them: "not", "never", "must"
 * and "will" change what a statement says and stay in explanations. Immutable and thread-safe.
 */
final class FunctionWords {
  private static final Set<String> WORDS = Set.of(
      "a", "an", "the", "this", "that", "these", "those", "of", "to", "in", "on", "at", "by",
      "for", "from", "with", "as", "into", "onto", "upon", "over", "under", "about", "after",
      "before", "between", "through", "during", "against", "among", "within", "and", "or", "but",
      "if", "than", "then", "so", "while", "because", "whether", "which", "who", "whom", "whose",
      "what", "when", "where", "how", "it", "its", "he", "him", "his", "she", "her", "hers",
      "they", "them", "their", "theirs", "we", "us", "our", "ours", "i", "me", "my", "you",
      "your", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
      "having", "do", "does", "did", "also", "there", "here", "s",
      "all", "any", "both", "each", "other", "such", "very", "mr", "ms", "mrs");

  private FunctionWords() {}

  /** Whether a lower-case word is a function word (punctuation counts as one). */
  static boolean contains(String word) {
    if (word.isEmpty() || !Character.isLetterOrDigit(word.charAt(0))) {
      return true;
    }
    return WORDS.contains(word);
  }

  /** Whether a phrase of lower-case words has nothing but function words. */
  static boolean onlyFunctionWords(String[] words, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!contains(words[i])) {
        return false;
      }
    }
    return true;
  }
}
