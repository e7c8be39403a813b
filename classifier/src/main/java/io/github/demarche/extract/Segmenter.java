package io.github.demarche.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Cuts a text into paragraphs (blank-line separated), sentences (OpenNLP's English sentence
 * model) and quotations, and groups sentences into statement units: a sentence, or the sentences
 * a quotation spans, kept whole. Every offset is into the original text. Thread-safe: the
 * {@link SentenceModel} is shared, and a {@link SentenceDetectorME} (which is not thread-safe) is
 * created for each call.
 */
final class Segmenter {
  /** The sentence model inside the opennlp-models-sentdetect-en jar, at the class path root. */
  static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

  private static final class ModelHolder {
    static final SentenceModel MODEL = loadModel();
    static final char[] EOS = SentenceEndGuard.enders(MODEL.getEosCharacters());
  }

  /** A quotation: from its opening mark to after its closing mark, or to the paragraph end. */
  record Quote(int start, int end, boolean closed) {}

  /**
   * A statement unit.
   *
   * @param start first character, inclusive
   * @param end last character, exclusive
   * @param sentence index of its first sentence in the document
   * @param paragraph index of its paragraph
   * @param quotes the quotations inside it (absolute offsets), in order
   * @param continuesQuote whether it continues a quotation left open at the end of the previous
   *     paragraph (news style: the next paragraph reopens with a quote mark)
   */
  record Unit(int start, int end, int sentence, int paragraph, List<Quote> quotes,
      boolean continuesQuote) {
    /** This unit from {@code from} on (a transcript turn's text after its label). */
    Unit startingAt(int from) {
      if (from < start || from >= end) {
        throw new IllegalArgumentException(
            "offset " + from + " lies outside the unit [" + start + ", " + end + ")");
      }
      return new Unit(from, end, sentence, paragraph, quotes, continuesQuote);
    }
  }

  private Segmenter() {}

  private static SentenceModel loadModel() {
    try (InputStream in = Segmenter.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenNLP English sentence model " + MODEL_RESOURCE
            + " is missing from the class path (artifact opennlp-models-sentdetect-en)");
      }
      return new SentenceModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenNLP sentence model", e);
    }
  }

  /** The statement units of {@code text}, in text order. */
  static List<Unit> units(String text) {
    SentenceDetectorME detector = new SentenceDetectorME(ModelHolder.MODEL);
    List<Unit> units = new ArrayList<>();
    int sentenceIndex = 0;
    int paragraphIndex = 0;
    boolean previousEndsOpen = false;
    for (int[] para : paragraphs(text)) {
      int ps = para[0];
      int pe = para[1];
      List<Quote> quotes = quotes(text, ps, pe);
      List<int[]> sentences = sentences(detector, text, ps, pe, quotes);
      boolean continues = previousEndsOpen && isOpeningMark(text.charAt(ps));
      int qi = 0;
      int i = 0;
      while (i < sentences.size()) {
        int start = sentences.get(i)[0];
        int end = sentences.get(i)[1];
        int j = i;
        while (qi < quotes.size() && quotes.get(qi).end() <= start) {
          qi++;
        }
        // extend over every quotation that opens inside the unit and closes after it
        for (int q = qi; q < quotes.size() && quotes.get(q).start() < end; q++) {
          while (quotes.get(q).end() > end && j + 1 < sentences.size()) {
            j++;
            end = sentences.get(j)[1];
          }
        }
        List<Quote> inside = new ArrayList<>();
        for (int q = qi; q < quotes.size() && quotes.get(q).start() < end; q++) {
          inside.add(quotes.get(q));
        }
        units.add(new Unit(start, end, sentenceIndex + i, paragraphIndex, List.copyOf(inside),
            continues && i == 0));
        i = j + 1;
      }
      sentenceIndex += sentences.size();
      paragraphIndex++;
      previousEndsOpen = !quotes.isEmpty() && !quotes.get(quotes.size() - 1).closed();
    }
    return units;
  }

  /** Paragraph spans {start, end}: maximal runs of non-blank lines, trimmed of white space. */
  static List<int[]> paragraphs(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int paraStart = -1;
    int lastEnd = -1;
    int lineStart = 0;
    while (lineStart <= n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      int first = lineStart;
      while (first < lineEnd && Character.isWhitespace(text.charAt(first))) {
        first++;
      }
      if (first == lineEnd) {
        if (paraStart >= 0) {
          out.add(new int[] {paraStart, lastEnd});
          paraStart = -1;
        }
      } else {
        if (paraStart < 0) {
          paraStart = first;
        }
        int last = lineEnd;
        while (Character.isWhitespace(text.charAt(last - 1))) {
          last--;
        }
        lastEnd = last;
      }
      lineStart = lineEnd + 1;
    }
    if (paraStart >= 0) {
      out.add(new int[] {paraStart, lastEnd});
    }
    return out;
  }

  /**
   * The double-quoted spans of a paragraph, straight or curly. Single quotes are not tracked:
   * they nest inside double quotes, and apostrophes make them ambiguous on their own. A quotation
   * still open at the paragraph end closes there.
   */
  static List<Quote> quotes(String text, int ps, int pe) {
    List<Quote> out = new ArrayList<>();
    int open = -1;
    for (int i = ps; i < pe; i++) {
      char c = text.charAt(i);
      if (c != '"' && c != '\u201C' && c != '\u201D' && c != '\u201E') {
        continue;
      }
      boolean spaceBefore = i == ps || Character.isWhitespace(text.charAt(i - 1))
          || "([{\u2013\u2014-".indexOf(text.charAt(i - 1)) >= 0;
      if (open < 0) {
        // a closing curly mark or a straight mark glued to the word before it opens nothing
        if (c == '\u201D' || (c == '"' && !spaceBefore)) {
          continue;
        }
        open = i;
      } else if (c == '\u201C' || c == '\u201E') {
        if (!spaceBefore) {
          out.add(new Quote(open, i + 1, true)); // a mistyped closing mark
          open = -1;
        }
      } else {
        out.add(new Quote(open, i + 1, true));
        open = -1;
      }
    }
    if (open >= 0) {
      out.add(new Quote(open, pe, false));
    }
    return out;
  }

  /**
   * Sentence spans of a paragraph. A closing quote mark that the model put at the start of the
   * next sentence is moved back to the sentence it closes.
   */
  private static List<int[]> sentences(
      SentenceDetectorME detector, String text, int ps, int pe, List<Quote> quotes) {
    String paragraph = text.substring(ps, pe);
    String input = detectorInput(paragraph);
    Span[] spans = oneSentence(input) ? new Span[] {new Span(0, input.length())}
        : Abbreviations.rejoin(paragraph, detector.sentPosDetect(input));
    List<int[]> out = new ArrayList<>(spans.length);
    int qi = 0;
    for (Span span : spans) {
      int s = ps + span.getStart();
      int e = ps + span.getEnd();
      while (qi < quotes.size() && quotes.get(qi).end() <= s) {
        qi++;
      }
      if (!out.isEmpty() && qi < quotes.size()) {
        Quote before = quotes.get(qi);
        if (before.closed() && before.end() == s + 1 && before.start() < s) {
          out.get(out.size() - 1)[1] = s + 1;
          s++;
          while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
          }
        }
      }
      if (s < e) {
        out.add(new int[] {s, e});
      }
    }
    if (out.isEmpty()) {
      out.add(new int[] {ps, pe});
    }
    return out;
  }

  /** A paragraph as the sentence detector sees it: same length, linear to detect (see the guard). */
  static String detectorInput(String paragraph) {
    return SentenceEndGuard.guard(paragraph, ModelHolder.EOS);
  }

  /**
   * Whether the detector can only answer the whole paragraph: no sentence end but, perhaps, its
   * last character, and no white space of the detector's at either end to trim. A sentence end
   * is a candidate break; without one before the last character, a break at the last character
   * and no break give the same single span, so the model need not be asked.
   */
  static boolean oneSentence(String input) {
    int n = input.length();
    if (n == 0 || SentenceEndGuard.isWhitespace(input.charAt(0))
        || SentenceEndGuard.isWhitespace(input.charAt(n - 1))) {
      return false;
    }
    for (char ender : ModelHolder.EOS) {
      int at = input.indexOf(ender);
      if (at >= 0 && at < n - 1) {
        return false;
      }
    }
    return true;
  }

  /** The shared sentence model. */
  static SentenceModel model() {
    return ModelHolder.MODEL;
  }

  static boolean isOpeningMark(char c) {
    return c == '"' || c == '\u201C' || c == '\u201E';
  }
}
