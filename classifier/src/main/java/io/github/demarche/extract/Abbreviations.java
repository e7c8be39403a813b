package io.github.demarche.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * Abbreviations that the sentence model may take for a sentence end: titles and honorifics
 * ("Gen.", "H.E.", "Ms.") never end a sentence; "No." and month names ("Sept.") do not before a
 * number; "a.m.", "U.S." and the like do not before a word in lower case; a comma or semicolon
 * never does. Joins the sentences such a mark cut apart. Word lists only; stateless and thread-safe.
 */
final class Abbreviations {
  private Abbreviations() {}

  /** Titles and honorifics, lower case without their full stop: a name always follows. */
  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
      "cpl", "adm", "cmdr", "cdr", "brig", "sen", "rep", "reps", "gov", "amb", "pres", "sec",
      "hon", "rev", "fr", "st", "h.e", "h.m", "h.r.h", "h.h", "mt", "ft", "atty", "supt",
      "insp", "lieut", "gen'l", "msgr", "dept");
  /** Abbreviations a number follows: "No. 5", "Sept. 13", "Art. 51". */
  private static final Set<String> BEFORE_NUMBER = Set.of(
      "no", "nos", "art", "arts", "para", "paras", "vol", "p", "pp", "ch", "sec", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "res");
  /** Dotted abbreviations that end a sentence only when a capital follows: "4 p.m. The ...". */
  private static final Set<String> BEFORE_LOWER = Set.of(
      "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "e.g", "i.e", "etc", "approx", "vs", "cf",
      "inc", "ltd", "co", "corp", "jr", "sr", "govt", "int'l", "est", "u.s.a", "d.c");

  /** Whether a word (without its final full stop) is a title or honorific: "Gen", "H.E". */
  static boolean isTitle(String word) {
    return TITLES.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The sentence spans of {@code paragraph} with each span that ends in an abbreviation that does
   * not end a sentence joined to the next. Spans are relative to the paragraph, as the sentence
   * detector gives them.
   */
  static Span[] rejoin(String paragraph, Span[] spans) {
    if (spans.length < 2) {
      return spans;
    }
    List<Span> out = new ArrayList<>(spans.length);
    Span current = spans[0];
    for (int i = 1; i < spans.length; i++) {
      Span next = spans[i];
      if (continues(paragraph, current, next)) {
        current = new Span(current.getStart(), next.getEnd());
      } else {
        out.add(current);
        current = next;
      }
    }
    out.add(current);
    return out.size() == spans.length ? spans : out.toArray(new Span[0]);
  }

  private static boolean continues(String paragraph, Span span, Span next) {
    int end = span.getEnd();
    if (end < 2 || next.getStart() >= paragraph.length()) {
      return false;
    }
    if (paragraph.charAt(end - 1) == ',' || paragraph.charAt(end - 1) == ';') {
      return true; // "At 10:00 a.m., H.E. ...": a comma ends no sentence
    }
    if (paragraph.charAt(end - 1) != '.') {
      return false;
    }
    int start = end - 1;
    while (start > span.getStart() && !Character.isWhitespace(paragraph.charAt(start - 1))
        && paragraph.charAt(start - 1) != '(') {
      start--;
    }
    String word = paragraph.substring(start, end - 1).toLowerCase(Locale.ROOT);
    char first = paragraph.charAt(next.getStart());
    if (TITLES.contains(word)) {
      return true;
    }
    if (BEFORE_NUMBER.contains(word) && Character.isDigit(first)) {
      return true;
    }
    return (BEFORE_LOWER.contains(word) || BEFORE_NUMBER.contains(word))
        && (Character.isLowerCase(first) || Character.isDigit(first));
  }
}
