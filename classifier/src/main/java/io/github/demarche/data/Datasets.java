package io.github.demarche.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled JSON Lines into {@link Example}s: {@code text}, and {@code labels} (array of
 * strings) or {@code label} (string); optional {@code target}, {@code id}, {@code source}; other
 * fields are ignored. Stateless and thread-safe.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * All examples of a file, in order.
   *
   * @throws DataException naming the file, line and field of the first bad record, or when the
   *     file holds no record
   */
  public static List<Example> read(String path) {
    List<Example> out = new ArrayList<>();
    JsonLines.forEach(path, line -> out.add(toExample(path, line.number(), line.object())));
    if (out.isEmpty()) {
      throw new DataException(path, 0, null, "holds no records");
    }
    return out;
  }

  /** Reads several files in order into one list. */
  public static List<Example> readAll(List<String> paths) {
    List<Example> out = new ArrayList<>();
    for (String path : paths) {
      out.addAll(read(path));
    }
    return out;
  }

  /** One record as an example, or a {@link DataException} that names what is wrong with it. */
  public static Example toExample(String file, long line, ObjectNode o) {
    String text = requiredText(file, line, o);
    List<String> labels = labels(file, line, o);
    String target = optionalString(file, line, o, "target");
    String id = optionalString(file, line, o, "id");
    JsonNode source = o.get("source");
    String group = source != null && source.isTextual() && !source.asText().isBlank()
        ? source.asText() : null;
    return new Example(id, text, labels, target, group);
  }

  /** The record's {@code text}: present, a string, not blank. */
  public static String requiredText(String file, long line, ObjectNode o) {
    JsonNode text = o.get("text");
    if (text == null || text.isNull()) {
      throw new DataException(file, line, "text", "is missing");
    }
    if (!text.isTextual()) {
      throw new DataException(file, line, "text", "must be a string, found " + JsonLines.describe(text));
    }
    if (text.asText().isBlank()) {
      throw new DataException(file, line, "text", "is empty");
    }
    return text.asText();
  }

  /** An optional string field: null when absent or JSON null, else it must be a non-blank string. */
  public static String optionalString(String file, long line, ObjectNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new DataException(file, line, field, "must be a string, found " + JsonLines.describe(v));
    }
    return v.asText().isBlank() ? null : v.asText();
  }

  private static List<String> labels(String file, long line, ObjectNode o) {
    JsonNode labels = o.get("labels");
    JsonNode label = o.get("label");
    if (labels != null && !labels.isNull() && label != null && !label.isNull()) {
      throw new DataException(file, line, "labels", "and 'label' are both present; give one");
    }
    if (labels != null && !labels.isNull()) {
      if (!labels.isArray()) {
        throw new DataException(
            file, line, "labels", "must be an array of strings, found " + JsonLines.describe(labels));
      }
      if (labels.isEmpty()) {
        throw new DataException(file, line, "labels", "is empty; give at least one label");
      }
      Set<String> out = new LinkedHashSet<>();
      for (int i = 0; i < labels.size(); i++) {
        JsonNode l = labels.get(i);
        if (!l.isTextual() || l.asText().isBlank()) {
          throw new DataException(
              file, line, "labels", "element " + i + " must be a non-empty string, found "
                  + JsonLines.describe(l));
        }
        if (!out.add(l.asText())) {
          throw new DataException(file, line, "labels", "repeats '" + l.asText() + "'");
        }
      }
      return List.copyOf(out);
    }
    if (label != null && !label.isNull()) {
      if (!label.isTextual() || label.asText().isBlank()) {
        throw new DataException(
            file, line, "label", "must be a non-empty string, found " + JsonLines.describe(label));
      }
      return List.of(label.asText());
    }
    throw new DataException(file, line, "labels", "is missing (give 'labels' or 'label')");
  }
}
