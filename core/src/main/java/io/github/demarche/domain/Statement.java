package io.github.demarche.domain;

import java.util.List;
import java.util.Optional;

/**
 * One statement found in a document: its text, where it stands, who made it and the positions
 * it takes. Immutable and thread-safe.
 *
 * @param text the statement's text, exactly {@code document.substring(start, end)}
 * @param start offset of the first character in the document (UTF-16 units, inclusive)
 * @param end offset after the last character (exclusive)
 * @param sentence index of the sentence in which the statement starts, from 0
 * @param speaker who made it, or null when the text does not say
 * @param positions the positions taken, best first; empty until classified
 */
public record Statement(
    String text, int start, int end, int sentence, Speaker speaker, List<Position> positions) {
  public Statement {
    Checks.notBlank(text, "statement text");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "statement span [" + start + ", " + end + ") is empty or negative");
    }
    if (end - start != text.length()) {
      throw new IllegalArgumentException(
          "statement span [" + start + ", " + end + ") has length " + (end - start)
              + " but the text has length " + text.length());
    }
    if (sentence < 0) {
      throw new IllegalArgumentException("sentence index must be >= 0, was " + sentence);
    }
    Checks.notNull(positions, "statement positions");
    positions = List.copyOf(positions);
  }

  /**
   * A statement located in {@code document}, checked to lie inside it and to match its text.
   *
   * @throws IllegalArgumentException when the span lies outside the document
   */
  public static Statement in(Document document, int start, int end, int sentence, Speaker speaker) {
    Checks.notNull(document, "document");
    String full = document.text();
    if (start < 0 || end > full.length() || end <= start) {
      throw new IllegalArgumentException(
          "statement span [" + start + ", " + end + ") lies outside document '" + document.id()
              + "' of length " + full.length());
    }
    return new Statement(full.substring(start, end), start, end, sentence, speaker, List.of());
  }

  /**
   * The speaker, if the text names one. Every optional value of the domain types has one such
   * getter, named {@code xIfAny()}, beside its record accessor (which returns null when absent).
   */
  public Optional<Speaker> speakerIfAny() {
    return Optional.ofNullable(speaker);
  }

  /**
   * The speaker, if the text names one.
   *
   * @deprecated use {@link #speakerIfAny()}, named like the other optional getters
   */
  @Deprecated(since = "0.1.0")
  public Optional<Speaker> speakerIfKnown() {
    return speakerIfAny();
  }

  /** This statement with the given positions. */
  public Statement withPositions(List<Position> newPositions) {
    return new Statement(text, start, end, sentence, speaker, newPositions);
  }
}
