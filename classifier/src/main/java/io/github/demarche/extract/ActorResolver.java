package io.github.demarche.extract;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.actors.ActorMention;
import io.github.demarche.documents.DocumentDates;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What statement extraction needs from an actor dictionary: resolving a speaker mention and
 * finding the actors a text names. A seam so that extraction can be tested with a small
 * dictionary of its own. Implementations must be safe to share across threads.
 */
public interface ActorResolver {

  /** The actor a speaker mention speaks for, or empty when it names none ("he", "the spokesman"). */
  Optional<Actor> resolve(String speakerMention);

  /** Every actor mention in the text, in text order, not overlapping. */
  List<ActorMention> find(String text);

  /**
   * The actor mentions of the parts of one whole text: {@code mentions(text).in(s, e)} lists what
   * {@code find(text.substring(s, e))} does, offsets into the part. The default finds each part
   * anew; a dictionary scans the whole text once, on the first request.
   */
  default Mentions mentions(String text) {
    return (start, end) -> find(text.substring(start, end));
  }

  /** The actor mentions of the parts of one text ({@link #mentions}); one per text and thread. */
  @FunctionalInterface
  interface Mentions {
    /** The actor mentions of {@code text[start, end)}, in text order, offsets into that part. */
    List<ActorMention> in(int start, int end);
  }

  /**
   * The actor that issues a document, known from its id (a web address on a government's
   * domain), or empty. The default knows none.
   */
  default Optional<Actor> publisher(String documentId) {
    return Optional.empty();
  }

  /**
   * This resolver for one document: people resolve for the roles they held on the document's date
   * (from its metadata or its dateline, {@link DocumentDates}), and {@link #publisher(String)} of
   * the document's id also uses its metadata (publisher, then web address). The default is this
   * resolver itself.
   */
  default ActorResolver forDocument(Document document) {
    return this;
  }

  /** A resolver that knows no actor: speakers keep their mentions, no actor is resolved. */
  static ActorResolver none() {
    return new ActorResolver() {
      @Override
      public Optional<Actor> resolve(String speakerMention) {
        return Optional.empty();
      }

      @Override
      public List<ActorMention> find(String text) {
        return List.of();
      }
    };
  }

  /** A resolver backed by an {@link ActorDictionary}. */
  static ActorResolver of(ActorDictionary dictionary) {
    return new ActorResolver() {
      @Override
      public Optional<Actor> resolve(String speakerMention) {
        return dictionary.resolve(speakerMention);
      }

      @Override
      public List<ActorMention> find(String text) {
        return dictionary.find(text);
      }

      @Override
      public Mentions mentions(String text) {
        return dictionary.mentions(text, null)::in;
      }

      @Override
      public Optional<Actor> publisher(String documentId) {
        return dictionary.publisher(documentId);
      }

      @Override
      public ActorResolver forDocument(Document document) {
        return dated(dictionary, document, DocumentDates.of(document).orElse(null));
      }
    };
  }

  private static ActorResolver dated(ActorDictionary dictionary, Document document, LocalDate date) {
    return new ActorResolver() {
      @Override
      public Optional<Actor> resolve(String speakerMention) {
        return dictionary.resolve(speakerMention, date);
      }

      @Override
      public List<ActorMention> find(String text) {
        return dictionary.find(text, date);
      }

      @Override
      public Mentions mentions(String text) {
        return dictionary.mentions(text, date)::in;
      }

      @Override
      public Optional<Actor> publisher(String documentId) {
        return documentId.equals(document.id())
            ? dictionary.publisher(document) : dictionary.publisher(documentId);
      }

      @Override
      public ActorResolver forDocument(Document other) {
        return of(dictionary).forDocument(other);
      }
    };
  }
}
