package io.github.demarche.batch;

/** What a {@link RecordPipeline} does with a record it cannot process. Immutable and thread-safe. */
public enum ErrorPolicy {
  /** Stop at the first bad record (in input order) and throw its error; the default. */
  FAIL,
  /** Write an error object in the bad record's place and go on with the next record. */
  REPORT
}
