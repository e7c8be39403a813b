package io.github.demarche.actors;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A character trie over folded aliases that finds, at every word start of a text, the longest
 * alias ending at a word boundary. Folding drops Latin diacritics, unifies apostrophes and hyphens
 * and collapses runs of white space, so "Erdoğan", "Russia’s" and "Nasser\u00a0Kanaani" match
 * their plain spellings; letter case is kept. Immutable and thread-safe.
 */
final class AliasTrie {
  private static final char[] FOLD = buildFoldTable();

  /** One found alias: the span in the original text and what it stands for. */
  record Match(int start, int end, AliasTarget target) {}

  private static final class Node {
    private final char[] keys;
    private final Node[] children;
    private final AliasTarget target;

    Node(char[] keys, Node[] children, AliasTarget target) {
      this.keys = keys;
      this.children = children;
      this.target = target;
    }

    Node child(char c) {
      int lo = 0;
      int hi = keys.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        char k = keys[mid];
        if (k < c) {
          lo = mid + 1;
        } else if (k > c) {
          hi = mid - 1;
        } else {
          return children[mid];
        }
      }
      return null;
    }
  }

  private static final class Builder {
    final TreeMap<Character, Builder> children = new TreeMap<>();
    AliasTarget target;

    Node freeze() {
      char[] keys = new char[children.size()];
      Node[] kids = new Node[children.size()];
      int i = 0;
      for (Map.Entry<Character, Builder> e : children.entrySet()) {
        keys[i] = e.getKey();
        kids[i++] = e.getValue().freeze();
      }
      return new Node(keys, kids, target);
    }
  }

  private final Node root;

  /** @param aliases folded aliases (see {@link #fold(String)}) and what each stands for */
  AliasTrie(Map<String, AliasTarget> aliases) {
    Builder b = new Builder();
    for (Map.Entry<String, AliasTarget> e : aliases.entrySet()) {
      Builder node = b;
      for (int i = 0; i < e.getKey().length(); i++) {
        node = node.children.computeIfAbsent(e.getKey().charAt(i), k -> new Builder());
      }
      node.target = e.getValue();
    }
    this.root = b.freeze();
  }

  /** Every longest, non-overlapping alias in the text, in text order, ignored phrases included. */
  List<Match> scan(CharSequence text) {
    List<Match> out = new ArrayList<>(4);
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int bestEnd = -1;
      AliasTarget best = null;
      Node node = root;
      int j = i;
      while (j < n) {
        char f = foldChar(text.charAt(j));
        int next = j + 1;
        if (f == ' ') {
          while (next < n && foldChar(text.charAt(next)) == ' ') {
            next++;
          }
        }
        node = node.child(f);
        if (node == null) {
          break;
        }
        j = next;
        if (node.target != null) {
          if (endsWord(text, j, f)) {
            bestEnd = j;
            best = node.target;
          } else if (node.target.kind() == AliasTarget.Kind.DEMONYM && isPluralS(text, j)) {
            bestEnd = j + 1; // "the Russians", "Iranians"
            best = node.target;
          }
        }
      }
      if (best != null) {
        out.add(new Match(i, bestEnd, best));
        i = bestEnd;
      } else {
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
      }
    }
    return out;
  }

  private static boolean endsWord(CharSequence text, int end, char last) {
    return !Character.isLetterOrDigit(last)
        || end == text.length()
        || !Character.isLetterOrDigit(text.charAt(end));
  }

  private static boolean isPluralS(CharSequence text, int at) {
    return text.charAt(at) == 's'
        && (at + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(at + 1)));
  }

  /** An alias as the trie stores it: folded characters, single spaces, trimmed. */
  static String fold(String alias) {
    StringBuilder sb = new StringBuilder(alias.length());
    for (int i = 0; i < alias.length(); i++) {
      char f = foldChar(alias.charAt(i));
      if (f == ' ' && (sb.length() == 0 || sb.charAt(sb.length() - 1) == ' ')) {
        continue;
      }
      sb.append(f);
    }
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == ' ') {
      sb.setLength(len - 1);
    }
    return sb.toString();
  }

  static char foldChar(char c) {
    return c < FOLD.length ? FOLD[c] : c;
  }

  private static char[] buildFoldTable() {
    char[] table = new char[0x3000];
    for (int c = 0; c < table.length; c++) {
      table[c] = (char) c;
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        table[c] = ' ';
      } else if ((c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00)) {
        String base = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
        if (Character.isLetter(base.charAt(0))) {
          table[c] = base.charAt(0);
        }
      }
    }
    String from = "ıłŁøØđĐħ\u2019\u2018\u02bc\u02bb\u2032`\u2010\u2011";
    String to = "ilLoOdDh''''''--";
    for (int i = 0; i < from.length(); i++) {
      table[from.charAt(i)] = to.charAt(i);
    }
    return table;
  }
}
