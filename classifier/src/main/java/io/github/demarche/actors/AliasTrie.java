package io.github.demarche.actors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

  /*
   * The trie is stored in three flat arrays, nodes numbered breadth-first so that the children of
   * a node are consecutive: node n's children are childStart[n] .. childStart[n + 1] - 1, sorted
   * by the character on the edge into them (label). target[n] indexes targets, or is -1. Some
   * 10 bytes a node instead of an object per node: the converted CAMEO dictionary has about a
   * million.
   */
  private final char[] label;
  private final int[] childStart;
  private final int[] target;
  private final AliasTarget[] targets;

  /** @param aliases folded aliases (see {@link #fold(String)}) and what each stands for */
  AliasTrie(Map<String, AliasTarget> aliases) {
    String[] sorted = aliases.keySet().toArray(new String[0]);
    Arrays.parallelSort(sorted); // some 100,000 aliases: sorting is most of building the trie
    char[][] keys = new char[sorted.length][];
    long chars = 1;
    for (int i = 0; i < sorted.length; i++) {
      keys[i] = sorted[i].toCharArray();
      chars += keys[i].length;
    }
    int max = Math.toIntExact(chars);
    char[] lab = new char[max];
    int[] start = new int[max + 1];
    int[] tgt = new int[max];
    int[] lo = new int[max];
    int[] hi = new int[max];
    int[] depth = new int[max];
    this.targets = new AliasTarget[keys.length];
    lo[0] = 0;
    hi[0] = keys.length;
    int nodes = 1;
    int t = 0;
    for (int n = 0; n < nodes; n++) {
      int a = lo[n];
      int b = hi[n];
      int d = depth[n];
      tgt[n] = -1;
      if (a < b && keys[a].length == d) {
        targets[t] = aliases.get(sorted[a]);
        tgt[n] = t++;
        a++;
      }
      start[n] = nodes;
      int i = a;
      while (i < b) {
        char c = keys[i][d];
        int j = i + 1;
        while (j < b && keys[j][d] == c) {
          j++;
        }
        lab[nodes] = c;
        lo[nodes] = i;
        hi[nodes] = j;
        depth[nodes] = d + 1;
        nodes++;
        i = j;
      }
    }
    start[nodes] = nodes;
    this.label = Arrays.copyOf(lab, nodes);
    this.childStart = Arrays.copyOf(start, nodes + 1);
    this.target = Arrays.copyOf(tgt, nodes);
  }

  /** The child of {@code node} along character {@code c}, or -1. */
  private int child(int node, char c) {
    int lo = childStart[node];
    int hi = childStart[node + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char k = label[mid];
      if (k < c) {
        lo = mid + 1;
      } else if (k > c) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
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
      int node = 0;
      int j = i;
      while (j < n) {
        char f = foldChar(text.charAt(j));
        int next = j + 1;
        if (f == ' ') {
          while (next < n && foldChar(text.charAt(next)) == ' ') {
            next++;
          }
        }
        node = child(node, f);
        if (node < 0) {
          break;
        }
        j = next;
        if (target[node] >= 0) {
          AliasTarget found = targets[target[node]];
          if (endsWord(text, j, f)) {
            bestEnd = j;
            best = found;
          } else if (found.kind() == AliasTarget.Kind.DEMONYM && isPluralS(text, j)) {
            bestEnd = j + 1; // "the Russians", "Iranians"
            best = found;
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
    if (isFolded(alias)) {
      return alias; // most aliases: nothing to fold, no copy
    }
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

  /** Whether an alias is already as {@link #fold} gives it: no character to fold, single spaces. */
  private static boolean isFolded(String alias) {
    int n = alias.length();
    if (n == 0 || alias.charAt(0) == ' ' || alias.charAt(n - 1) == ' ') {
      return n == 0;
    }
    char before = 0;
    for (int i = 0; i < n; i++) {
      char c = alias.charAt(i);
      if (foldChar(c) != c || (c == ' ' && before == ' ')) {
        return false;
      }
      before = c;
    }
    return true;
  }

  static char foldChar(char c) {
    return c < FOLD.length ? FOLD[c] : c;
  }

  /** Latin letters with diacritics and the base letter each folds to (from Unicode NFD). */
  private static final String ACCENTED =
      "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆ"
          + "ćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐő"
          + "ŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛ"
          + "ǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧ"
          + "ȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯ"
          + "ḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫ"
          + "ṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬ"
          + "ậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨ"
          + "ứỪừỬửỮữỰựỲỳỴỵỶỷỸỹıłŁøØđĐħ";
  private static final String BASE =
      "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaC"
          + "cCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOo"
          + "RrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuU"
          + "uAaAaÆæGgKkOoOoƷʒjGgNnAaÆæØøAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAa"
          + "EeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIi"
          + "KkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTt"
          + "TtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyſAaAaAaAaAaAaA"
          + "aAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuU"
          + "uUuUuUuUuYyYyYyYyilLoOdDh";

  private static char[] buildFoldTable() {
    char[] table = new char[0x3000];
    for (int c = 0; c < table.length; c++) {
      table[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : (char) c;
    }
    for (int i = 0; i < ACCENTED.length(); i++) {
      table[ACCENTED.charAt(i)] = BASE.charAt(i);
    }
    String marks = "\u2019\u2018\u02bc\u02bb\u2032`\u2010\u2011";
    String plain = "''''''--";
    for (int i = 0; i < marks.length(); i++) {
      table[marks.charAt(i)] = plain.charAt(i);
    }
    return table;
  }
}
