package io.github.demarche.batch;

/**
 * What a {@link RecordPipeline} run did. Immutable and thread-safe.
 *
 * @param records input records (non-blank lines) processed, including failed ones
 * @param failed records written as error objects (always 0 under {@link ErrorPolicy#FAIL})
 * @param outputLines lines written, error objects included
 * @param blankLines blank input lines passed over (they are not records)
 * @param replaced records that already held the field a lean pipeline adds (see {@link
 *     RecordPipeline#ofStatements}); their own value of it is not in the output
 * @param firstReplacedLine the line of the first such record, or 0 when there is none
 */
public record BatchSummary(
    long records, long failed, long outputLines, long blankLines, long replaced, long firstReplacedLine) {
  public BatchSummary {
    if (records < 0 || failed < 0 || failed > records || outputLines < 0 || blankLines < 0
        || replaced < 0 || replaced > records || firstReplacedLine < 0
        || (replaced == 0) != (firstReplacedLine == 0)) {
      throw new IllegalArgumentException("inconsistent counts: records=" + records + " failed="
          + failed + " outputLines=" + outputLines + " blankLines=" + blankLines + " replaced="
          + replaced + " firstReplacedLine=" + firstReplacedLine);
    }
  }

  /** A summary of a run in which no record held the added field. */
  public BatchSummary(long records, long failed, long outputLines, long blankLines) {
    this(records, failed, outputLines, blankLines, 0, 0);
  }
}
