package io.github.demarche.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.api.Texts;
import io.github.demarche.output.OutputPaths;
import io.github.demarche.taxonomy.Label;
import io.github.demarche.taxonomy.Taxonomy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
   * @throws DataException naming the file, line and field of the first bad record, when two
   *     records share an {@code id}, or when the file holds no record
   */
  public static List<Example> read(String path) {
    return readAll(List.of(path));
  }

  /**
   * Reads several files in order into one list. An {@code id} may appear only once across all of
   * them: a repeated id almost always means a file was given twice or a record was copied, which
   * would count it twice in training or evaluation, so it is an error naming both places.
   *
   * @throws DataException as {@link #read(String)}
   */
  public static List<Example> readAll(List<String> paths) {
    for (int i = 0; i < paths.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (sameFile(paths.get(j), paths.get(i))) {
          // with ids this is caught below; without, every record would silently count twice
          throw new DataException(paths.get(i), 0, null, "is given twice (also as " + paths.get(j)
              + "); its records would count twice");
        }
      }
    }
    List<Example> out = new ArrayList<>();
    Map<String, String> seenIds = new HashMap<>();
    for (String path : paths) {
      int before = out.size();
      JsonLines.forEach(path, line -> {
        Example e = toExample(path, line.number(), line.object());
        if (e.id() != null) {
          String first = seenIds.putIfAbsent(e.id(), path + ":" + line.number());
          if (first != null) {
            throw new DataException(path, line.number(), "id", "repeats '" + e.id()
                + "', first seen at " + first + "; ids must be unique");
          }
        }
        out.add(e);
      });
      if (out.size() == before) {
        throw new DataException(path, 0, null, "holds no records");
      }
    }
    return out;
  }

  /** Whether two file arguments name one file; standard input ("-") cannot be read twice. */
  public static boolean sameFile(String a, String b) {
    if (a.equals("-") || b.equals("-")) {
      return a.equals(b);
    }
    try {
      return OutputPaths.same(Path.of(a), Path.of(b));
    } catch (InvalidPathException e) {
      return a.equals(b);
    }
  }

  /** One record as an example, or a {@link DataException} that names what is wrong with it. */
  public static Example toExample(String file, long line, ObjectNode o) {
    String text = requiredText(file, line, o);
    List<String> labels = labels(file, line, o);
    String target = optionalString(file, line, o, "target");
    String id = optionalString(file, line, o, "id");
    // a source of the wrong type would silently leave its record out of every group, and
    // cross-validation would then split a document's statements across folds
    String group = optionalString(file, line, o, "source");
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
    if (Texts.isBlank(text.asText())) {
      // no-break spaces, zero-width characters or controls alone are no statement either
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
    return Texts.isBlank(v.asText()) ? null : v.asText();
  }

  /** A label name a taxonomy accepts, or an error at its file, line and field. */
  private static void checkLabelName(String file, long line, String field, String name) {
    if (!Label.isValidName(name)) {
      throw new DataException(file, line, field, "label name '" + name + "' " + Label.NAME_RULE);
    }
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
        if (!l.isTextual() || Texts.isBlank(l.asText())) {
          throw new DataException(
              file, line, "labels", "element " + i + " must be a non-empty string, found "
                  + JsonLines.describe(l));
        }
        checkLabelName(file, line, "labels", l.asText());
        if (!out.add(l.asText())) {
          throw new DataException(file, line, "labels", "repeats '" + l.asText() + "'");
        }
      }
      if (out.size() > 1 && out.contains(Taxonomy.NONE)) {
        // "none" is exclusive: it says no other label applies, and a model answers it when none does
        throw new DataException(file, line, "labels", "gives '" + Taxonomy.NONE
            + "' with other labels; '" + Taxonomy.NONE + "' means that no other label applies");
      }
      return List.copyOf(out);
    }
    if (label != null && !label.isNull()) {
      if (!label.isTextual() || Texts.isBlank(label.asText())) {
        throw new DataException(
            file, line, "label", "must be a non-empty string, found " + JsonLines.describe(label));
      }
      checkLabelName(file, line, "label", label.asText());
      return List.of(label.asText());
    }
    throw new DataException(file, line, "labels", "is missing (give 'labels' or 'label')");
  }
}
