package io.github.demarche.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The work of a lean {@link RecordPipeline} (see {@link RecordPipeline#ofStatements}): writes the
 * value of the one field the pipeline adds to each record (for {@code classify}, its positions)
 * straight to the output, without building a tree. Throw {@link
 * io.github.demarche.data.DataException} (or {@link IllegalArgumentException}) for a record that
 * cannot be processed; any other exception ends the whole run. Implementations are called from
 * several threads at once (each with its own generator) and must be thread-safe.
 */
@FunctionalInterface
public interface StatementFunction {
  /**
   * Writes one JSON value (an array, say) for the record.
   *
   * @param record the record's text and target
   * @param out where the value goes; its field name is written already
   */
  void writeValue(StatementRecord record, JsonGenerator out) throws IOException;
}
