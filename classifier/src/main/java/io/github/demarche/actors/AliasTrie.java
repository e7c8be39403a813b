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

  private final Node root;

  /** @param aliases folded aliases (see {@link #fold(String)}) and what each stands for */
  AliasTrie(Map<String, AliasTarget> aliases) {
    String[] keys = aliases.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    AliasTarget[] targets = new AliasTarget[keys.length];
    for (int i = 0; i < keys.length; i++) {
      targets[i] = aliases.get(keys[i]);
    }
    this.root = build(keys, targets, 0, keys.length, 0);
  }

  /** The node for keys[lo..hi), which share their first {@code depth} characters. */
  private static Node build(String[] keys, AliasTarget[] targets, int lo, int hi, int depth) {
    AliasTarget target = null;
    if (lo < hi && keys[lo].length() == depth) {
      target = targets[lo++];
    }
    List<Character> chars = new ArrayList<>();
    List<Node> kids = new ArrayList<>();
    int i = lo;
    while (i < hi) {
      char c = keys[i].charAt(depth);
      int j = i + 1;
      while (j < hi && keys[j].charAt(depth) == c) {
        j++;
      }
      chars.add(c);
      kids.add(build(keys, targets, i, j, depth + 1));
      i = j;
    }
    char[] k = new char[chars.size()];
    for (int n = 0; n < k.length; n++) {
      k[n] = chars.get(n);
    }
    return new Node(k, kids.toArray(new Node[0]), target);
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
