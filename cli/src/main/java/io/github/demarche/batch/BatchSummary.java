package io.github.demarche.batch;

/**
 * What a {@link RecordPipeline} run did. Immutable and thread-safe.
 *
 * @param records input records (non-blank lines) processed, including failed ones
 * @param failed records written as error objects (always 0 under {@link ErrorPolicy#FAIL})
 * @param outputLines lines written, error objects included
 * @param blankLines blank input lines passed over (they are not records)
 */
public record BatchSummary(long records, long failed, long outputLines, long blankLines) {
  public BatchSummary {
    if (records < 0 || failed < 0 || failed > records || outputLines < 0 || blankLines < 0) {
      throw new IllegalArgumentException("inconsistent counts: records=" + records + " failed="
          + failed + " outputLines=" + outputLines + " blankLines=" + blankLines);
    }
  }
}
