package io.github.demarche.train;

/**
 * Inverse-document-frequency values of the columns of a {@link FeatureMatrix}: {@code ln((n + 1) /
 * (df + 1)) + 1} for a feature seen in df of the n training statements (the smoothed idf of
 * scikit-learn's TfidfVectorizer). A per-label fit on these values instead of plain 1s lets a rare,
 * specific word move its label more for the same L2 penalty than a word that half the statements
 * have; because features stay binary and are not normalised, the fitted weight times the value is
 * the weight of the binary feature, and that product is what the model saves (scoring does not
 * change). Stateless and thread-safe.
 */
final class IdfWeights {
  private IdfWeights() {}

  /** The idf of every matrix column over all of its rows. */
  static double[] of(FeatureMatrix matrix) {
    int[] df = new int[matrix.columns()];
    for (int e : matrix.entries) {
      df[e]++;
    }
    int n = matrix.rows();
    double[] idf = new double[df.length];
    for (int c = 0; c < df.length; c++) {
      idf[c] = Math.log((n + 1.0) / (df[c] + 1.0)) + 1.0;
    }
    return idf;
  }
}
