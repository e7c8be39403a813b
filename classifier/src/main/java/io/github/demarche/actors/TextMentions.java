package io.github.demarche.actors;

import io.github.demarche.domain.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The actor mentions of one whole text, from which those of any part of it are read without
 * scanning the part again: {@code in(s, e)} lists exactly what {@link ActorDictionary#find(String,
 * LocalDate) find(text.substring(s, e), date)} does, offsets into the part. Analysis asks for the
 * mentions of every statement and of a document's head; one scan of the document serves them all.
 * The text is scanned on the first request. Where a part's edges would change what a scan of the
 * part alone finds (a name across an edge, a part that starts or ends inside a word), that part
 * is scanned by itself. Not thread-safe: one per text and thread.
 */
public final class TextMentions {
  private final ActorDictionary dictionary;
  private final String text;
  private final LocalDate date;
  /** Every alias found in the whole text, ignored phrases included, and the actor of each. */
  private List<AliasTrie.Match> matches;
  private Actor[] actors;

  TextMentions(ActorDictionary dictionary, String text, LocalDate date) {
    this.dictionary = dictionary;
    this.text = text;
    this.date = date;
  }

  /** The actor mentions of {@code text[start, end)}, in text order, offsets into that part. */
  public List<ActorMention> in(int start, int end) {
    if (start < 0 || end > text.length() || start > end) {
      throw new IllegalArgumentException("part [" + start + ", " + end + ") of a text of length "
          + text.length());
    }
    if (matches == null) {
      matches = dictionary.trie().scan(text);
      actors = new Actor[matches.size()];
      for (int i = 0; i < actors.length; i++) {
        actors[i] = dictionary.actorOf(matches.get(i).target(), date);
      }
    }
    int first = firstEndingAfter(start);
    if (!sameScan(start, end, first)) {
      return dictionary.find(text.substring(start, end), date);
    }
    List<ActorMention> out = new ArrayList<>(4);
    for (int k = first; k < matches.size() && matches.get(k).start() < end; k++) {
      AliasTrie.Match m = matches.get(k);
      if (actors[k] != null) {
        out.add(new ActorMention(m.start() - start, m.end() - start,
            text.substring(m.start(), m.end()), actors[k]));
      }
    }
    return out;
  }

  /** The index of the first match that ends after {@code offset}, or the number of matches. */
  private int firstEndingAfter(int offset) {
    int lo = 0;
    int hi = matches.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (matches.get(mid).end() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Whether a scan of the part alone finds the matches of the whole text's scan inside it: the
   * whole text's scan tries a match where the part starts (or the part starts off a word), no
   * match crosses an edge, and the part ends at a word's end, where a match ending there counts
   * alike in both.
   */
  private boolean sameScan(int start, int end, int first) {
    if (first < matches.size() && matches.get(first).start() < start) {
      return false; // a match across the start
    }
    boolean triedAtStart = start == 0 || start == text.length()
        || !Character.isLetterOrDigit(text.charAt(start))
        || !Character.isLetterOrDigit(text.charAt(start - 1))
        || (first > 0 && matches.get(first - 1).end() == start);
    if (!triedAtStart) {
      return false; // the part starts inside a word
    }
    if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      return false; // the part ends inside a word
    }
    for (int k = first; k < matches.size() && matches.get(k).start() < end; k++) {
      if (matches.get(k).end() > end) {
        return false; // a match across the end
      }
    }
    return true;
  }
}
