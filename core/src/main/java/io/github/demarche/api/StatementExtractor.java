package io.github.demarche.api;

import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.util.List;

/**
 * Finds the statements in a document and who made them, without classifying them. Implementations
 * must be safe to share across threads.
 */
public interface StatementExtractor {

  /** The statements of the document in text order, each with its speaker where the text names one. */
  List<Statement> extract(Document document);
}
