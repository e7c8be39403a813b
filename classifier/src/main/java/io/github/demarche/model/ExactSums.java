package io.github.demarche.model;

/**
 * Says when the order in which a model's weights are added to its bias cannot change a logit: when
 * every addition is exact in double precision. Every float weight and bias is an integer multiple
 * of 2 to the power of the lowest bit set in any of them, and so is every partial sum; a double
 * holds every such multiple up to 2<sup>53</sup> times that power exactly. So as long as the bias
 * plus the magnitudes of the weights added stay below that bound, every partial sum is exact, the
 * result is the exact sum of the terms, and any order of adding them gives the same bits as the
 * column order the scores were defined with. Stateless and thread-safe.
 */
final class ExactSums {
  private ExactSums() {}

  /**
   * The largest number of weight rows that may be added to the bias in any order with the same
   * result bits, for every output; 0 when only the column order is safe (weights of too wide a
   * range, or a bias of negative zero, whose sign would depend on the order).
   *
   * @param weights the weights of every feature and output (finite)
   * @param bias the bias of each output
   */
  static int orderFreeRows(float[] weights, float[] bias) {
    int lowest = Integer.MAX_VALUE;
    float largestWeight = 0;
    float largestBias = 0;
    for (float w : weights) {
      if (w != 0) {
        lowest = Math.min(lowest, lowestBit(w));
        largestWeight = Math.max(largestWeight, Math.abs(w));
      }
    }
    for (float b : bias) {
      // a sum that starts at -0.0 stays -0.0 only while nothing but -0.0 is added to it
      if (!Float.isFinite(b) || Float.floatToRawIntBits(b) == Float.floatToRawIntBits(-0.0f)) {
        return 0;
      }
      if (b != 0) {
        lowest = Math.min(lowest, lowestBit(b));
        largestBias = Math.max(largestBias, Math.abs(b));
      }
    }
    if (largestWeight == 0) {
      // adding a zero to a sum that is not -0.0 changes no bit, in any order
      return Integer.MAX_VALUE;
    }
    // every multiple of 2^lowest up to 2^(lowest + 53) in magnitude is a double
    double room = Math.scalb(1.0, lowest + 53) - largestBias;
    // one row less than the quotient, for the rounding of this division
    double rows = Math.floor(room / largestWeight) - 1;
    return rows < 1 ? 0 : (int) Math.min(rows, Integer.MAX_VALUE - 1);
  }

  /** The exponent of the lowest set bit of a nonzero float: it is a multiple of 2 to that power. */
  static int lowestBit(float f) {
    int bits = Float.floatToRawIntBits(f);
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7fffff;
    if (exponent == 0) {
      // subnormal: mantissa times 2^-149
      return -149 + Integer.numberOfTrailingZeros(mantissa);
    }
    return exponent - 150 + Integer.numberOfTrailingZeros(mantissa | 0x800000);
  }
}
