package io.github.demarche.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The work a {@link RecordPipeline} does on each record: one input record in, its output objects
 * out, written in order as one line each ({@code classify} returns one object, {@code analyze}
 * may return one per statement found). Throw {@link io.github.demarche.data.DataException} (or
 * {@link IllegalArgumentException}) for a record that cannot be processed; any other exception
 * ends the whole run. Implementations are called from several threads at once and must be
 * thread-safe.
 */
@FunctionalInterface
public interface RecordFunction {
  List<ObjectNode> apply(InputRecord record);
}
