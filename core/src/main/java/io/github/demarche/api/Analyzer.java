package io.github.demarche.api;

import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.util.List;

/**
 * The whole pipeline: finds the statements of a document, their speakers and the positions they
 * take. Implementations must be safe to share across threads.
 */
public interface Analyzer {

  /** The statements of the document in text order, with speakers and classified positions. */
  List<Statement> analyze(Document document);
}
