package io.github.demarche.features;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * The featurizer as it was before the inference path was optimised (commit 04b7532), kept
 * verbatim in logic as the oracle that the optimised {@link Featurizer} must match feature for
 * feature: OpenNLP's {@link SimpleTokenizer} spans, a sink call per feature, no reuse of buffers.
 * Test code only.
 */
public final class ReferenceFeaturizer {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long NS_WORD = 0x1L;
  private static final long NS_CHAR = 0x2L;
  private static final long NS_CUE = 0x3L;
  private static final long NS_NEGATED_CUE = 0x4L;
  private static final long NS_TARGET = 0x5L;
  private static final long NS_CONJOINED = 0x6L;
  private static final long NS_BIAS = 0x7L;
  private static final long NS_STEM = 0x8L;
  private static final long BOUNDARY = Featurizer.hashString("<s>");
  private static final int NEGATION_WINDOW = 3;

  private final FeatureConfig config;
  private final FeatureIndex cueStems;
  private final int[] cueMasks;
  private final int stemLengthMask;
  private final FeatureIndex negations;

  public ReferenceFeaturizer(FeatureConfig config) {
    this.config = config;
    if (config.cueLexicon() == 1) {
      TreeMap<Long, Integer> masks = new TreeMap<>();
      int lengths = 0;
      for (int c = 0; c < CueLexicon.V1.size(); c++) {
        for (String stem : CueLexicon.V1.get(c)) {
          masks.merge(Featurizer.hashString(stem), 1 << c, (a, b) -> a | b);
          lengths |= 1 << Math.min(stem.length(), 31);
        }
      }
      this.cueStems = new FeatureIndex(masks.keySet().stream().mapToLong(Long::longValue).toArray());
      this.cueMasks = masks.values().stream().mapToInt(Integer::intValue).toArray();
      this.stemLengthMask = lengths;
      this.negations = new FeatureIndex(CueLexicon.V1_NEGATIONS.stream()
          .mapToLong(Featurizer::hashString).sorted().toArray());
    } else {
      this.cueStems = null;
      this.cueMasks = null;
      this.stemLengthMask = 0;
      this.negations = null;
    }
  }

  /** Every feature hash of the text and optional target, in emission order, with repeats. */
  public List<Long> features(String text, String target) {
    List<Long> all = new ArrayList<>();
    features(text, target, all::add);
    return all;
  }

  private void features(String text, String target, Featurizer.Sink sink) {
    Featurizer.Sink out = sink;
    if (target != null && config.targetConjunctions()) {
      long t = Featurizer.hashString(target.strip());
      sink.accept(Featurizer.mix(NS_TARGET, t));
      out = h -> {
        sink.accept(h);
        sink.accept(Featurizer.mix(NS_CONJOINED ^ h, t));
      };
    }
    out.accept(NS_BIAS);
    Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
    int n = config.wordNgrams();
    long[] window = new long[n];
    window[0] = BOUNDARY;
    int filled = 1;
    int lastNegation = Integer.MIN_VALUE / 2;
    for (int i = 0; i < spans.length; i++) {
      int start = spans[i].getStart();
      int end = spans[i].getEnd();
      long h = FNV_OFFSET;
      int cueMask = 0;
      for (int j = start; j < end; j++) {
        h = (h ^ Character.toLowerCase(text.charAt(j))) * FNV_PRIME;
        int len = j - start + 1;
        if (len == config.stemLength() && end - start > len) {
          out.accept(Featurizer.mix(NS_STEM, h));
        }
        if (cueStems != null && len < 32 && (stemLengthMask & (1 << len)) != 0) {
          int c = cueStems.get(h);
          if (c >= 0) {
            cueMask |= cueMasks[c];
          }
        }
      }
      out.accept(Featurizer.mix(NS_WORD, h));
      System.arraycopy(window, 0, window, 1, n - 1);
      window[0] = h;
      filled = Math.min(filled + 1, n);
      long gram = h;
      for (int k = 1; k < filled; k++) {
        gram = Featurizer.mix(gram * 31 + k, window[k]);
        out.accept(Featurizer.mix(NS_WORD + 8L * (k + 1), gram));
      }
      if (cueStems != null) {
        boolean negation = negations.get(h) >= 0
            && (end - start != 1 || (start > 0 && text.charAt(start - 1) == '\''));
        if (negation) {
          lastNegation = i;
        } else if (cueMask != 0) {
          boolean negated = i - lastNegation <= NEGATION_WINDOW;
          for (int c = 0; c < 32; c++) {
            if ((cueMask & (1 << c)) != 0) {
              out.accept(Featurizer.mix(negated ? NS_NEGATED_CUE : NS_CUE, c));
            }
          }
        }
      }
      if (config.charNgramMax() > 0) {
        int min = config.charNgramMin();
        int max = config.charNgramMax();
        for (int from = start - 1; from < end + 1; from++) {
          long g = FNV_OFFSET;
          for (int to = from; to < end + 1 && to - from < max; to++) {
            char ch = to < start ? '<' : to >= end ? '>' : Character.toLowerCase(text.charAt(to));
            g = (g ^ ch) * FNV_PRIME;
            if (to - from + 1 >= min) {
              out.accept(Featurizer.mix(NS_CHAR, g));
            }
          }
        }
      }
    }
    // the feature families added after the optimisation have no older form: take them as they are
    FeatureBuffer added = new FeatureBuffer();
    if (config.cameoVerbs() > 0) {
      CameoVerbs.of(config.cameoVerbs()).emit(text, added);
    }
    for (int i = 0; i < added.size(); i++) {
      out.accept(added.get(i));
    }
  }
}
