package io.github.demarche.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads whole labelled documents ({@code documents.jsonl} of the corpus: one document a line, its
 * {@code sentences} each with {@code text} and {@code labels}) as one {@link Example} per sentence,
 * grouped by the document's {@code source}, so a model can be measured on every sentence of news
 * text and not only on the statements picked for the training data. Documents whose source is
 * among given ones can be left out, which keeps documents the model has seen in training (or
 * sources it has seen) out of a held-out measurement. Stateless and thread-safe.
 */
public final class DocumentSentences {
  private DocumentSentences() {}

  /**
   * The sentences of every document of a file whose {@code source} is not in {@code
   * excludedSources}, in file order; a sentence's id is its document's {@code doc_id} (or line
   * number) and its index.
   *
   * @throws DataException naming file, line and field (as {@code sentences[i].labels}) of the
   *     first bad document or sentence, or when no sentence is left
   */
  public static List<Example> read(String path, Collection<String> excludedSources) {
    Set<String> excluded = Set.copyOf(excludedSources);
    List<Example> out = new ArrayList<>();
    JsonLines.forEach(path, line -> {
      ObjectNode doc = line.object();
      String source = Datasets.optionalString(path, line.number(), doc, "source");
      String docId = Datasets.optionalString(path, line.number(), doc, "doc_id");
      JsonNode sentences = doc.get("sentences");
      if (sentences == null || !sentences.isArray()) {
        throw new DataException(path, line.number(), "sentences", sentences == null
            ? "is missing" : "must be an array of sentences, found " + JsonLines.describe(sentences));
      }
      if (source != null && excluded.contains(source)) {
        return;
      }
      String prefix = docId != null ? docId : "line" + line.number();
      for (int i = 0; i < sentences.size(); i++) {
        JsonNode s = sentences.get(i);
        if (!s.isObject()) {
          throw new DataException(path, line.number(), "sentences[" + i + "]",
              "must be an object, found " + JsonLines.describe(s));
        }
        Example e;
        try {
          e = Datasets.toExample(path, line.number(), (ObjectNode) s);
        } catch (DataException bad) {
          throw new DataException(path, line.number(), "sentences[" + i + "]." + bad.field(),
              bad.problem());
        }
        out.add(new Example(prefix + "-" + i, e.text(), e.labels(), e.target(), source));
      }
    });
    if (out.isEmpty()) {
      throw new DataException(path, 0, null, excluded.isEmpty() ? "holds no sentences"
          : "holds no sentences from documents of other sources than those excluded");
    }
    return out;
  }

  /** The distinct {@code source}s of examples (those without one are left out). */
  public static Set<String> sourcesOf(List<Example> examples) {
    Set<String> out = new java.util.TreeSet<>();
    for (Example e : examples) {
      if (e.group() != null) {
        out.add(e.group());
      }
    }
    return out;
  }
}
