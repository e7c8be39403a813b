package io.github.demarche.extract;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.StatementExtractor;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds the statements of a news article and who made them: sentences and quotations (a
 * quotation spanning sentences is kept whole), attributed by verbs and nouns of reported speech,
 * with back-references ("he", "the spokesman", "It added") resolved to the most recent compatible
 * speaker. In a transcript, each turn's label speaks its turn, or opens a question from the floor
 * ({@link Turns}), and is no part of any statement. A statement whose text names nobody gets a
 * null speaker. See {@code docs/analyze.md}.
 * Thread-safe: it holds only immutable state, and each call works on its own objects.
 */
public final class NewsStatementExtractor implements StatementExtractor {
  /** How many statements back a pronoun or a role description may look for its speaker. */
  static final int REFERENCE_WINDOW = 8;

  private final ActorResolver actors;
  private final boolean agentsSpeak;

  /** An extractor that resolves speakers with the given resolver. */
  public NewsStatementExtractor(ActorResolver actors) {
    this(actors, true);
  }

  /**
   * An extractor that resolves speakers with the given resolver.
   *
   * @param agentsSpeak whether a sentence without a verb of saying or stance is attributed to the
   *     subject of its main clause when that names someone ("Japan lodged a protest"); when false,
   *     only reported speech and stance verbs attribute
   */
  public NewsStatementExtractor(ActorResolver actors, boolean agentsSpeak) {
    if (actors == null) {
      throw new IllegalArgumentException("actor resolver must not be null");
    }
    this.actors = actors;
    this.agentsSpeak = agentsSpeak;
  }

  /** An extractor that resolves speakers with the given dictionary. */
  public NewsStatementExtractor(ActorDictionary dictionary) {
    this(ActorResolver.of(dictionary));
  }

  /** The resolver this extractor uses, e.g. for finding the targets of a statement. */
  public ActorResolver actors() {
    return actors;
  }

  /**
   * A statement with how its speaker was found: {@code bySubject} when only as the subject of a
   * main clause whose verb is neither of saying nor of stance ("Japan lodged a protest"), which
   * names the speaker only if the statement takes a position; {@code headline} when it is a
   * headline or title: a paragraph of one short line without closing punctuation ("Border
   * commission meets after weekend shelling"), which reports no one acting, though it may name a
   * speaker ("Algeria: Israeli attacks violated international peace"). Immutable and thread-safe.
   */
  public record Attributed(Statement statement, boolean bySubject, boolean headline) {
    public Attributed {
      if (statement == null) {
        throw new IllegalArgumentException("statement must not be null");
      }
      if (bySubject && statement.speaker() == null) {
        throw new IllegalArgumentException("a statement without a speaker has no subject speaking");
      }
    }

    /** A statement that is not a headline. */
    public Attributed(Statement statement, boolean bySubject) {
      this(statement, bySubject, false);
    }
  }

  @Override
  public List<Statement> extract(Document document) {
    List<Attributed> attributed = attribute(document);
    List<Statement> out = new ArrayList<>(attributed.size());
    for (Attributed a : attributed) {
      out.add(a.statement());
    }
    return out;
  }

  /** The statements of a document, each with how its speaker was found. */
  public List<Attributed> attribute(Document document) {
    if (document == null) {
      throw new IllegalArgumentException("document must not be null");
    }
    ActorResolver documentActors = actors.forDocument(document); // its date, url and publisher
    return attribute(document, documentActors, documentActors.mentions(document.text()));
  }

  /**
   * The statements of a document, each with how its speaker was found, for a caller that reads
   * the document's actors too (as the analyzer does): {@code actors} is {@code
   * actors().forDocument(document)}, and {@code mentions} its mentions of the document's text,
   * which the caller may ask again for parts of the same text without a second scan.
   */
  public List<Attributed> attribute(Document document, ActorResolver actors,
      ActorResolver.Mentions mentions) {
    if (document == null || actors == null || mentions == null) {
      throw new IllegalArgumentException("document, its actors and mentions must not be null");
    }
    String text = document.text();
    List<Segmenter.Unit> units = Segmenter.units(text);
    List<Attributed> out = new ArrayList<>(units.size());
    References refs = new References(actors, actors.publisher(document.id()).orElse(null),
        () -> ReadoutHost.of(text, mentions.in(0, Math.min(text.length(), ReadoutHost.HEAD))));
    Predicate<String> isActor = phrase -> refs.resolve(phrase) != null;
    Speaker previous = null;
    boolean previousQuoted = false;
    // the speaker of the speech, statement or block of paragraphs under way, and whether it is a
    // speech (named by a header, a transcript label or "We, representing X"), whose every
    // sentence without an attribution of its own is the speaker's
    Speaker block = null;
    boolean speech = false;
    // a transcript's turns, and whether the turn under way is a question from the floor, whose
    // sentences are narration: only an attribution of their own names a speaker
    Turns turns = Turns.of(text, units);
    Turns.Turn turn = null;
    boolean asking = false;
    // the one an interview's answers ("A: ...") are from: the person named before the first
    Speaker interviewed = null;
    for (int ui = 0; ui < units.size(); ui++) {
      Segmenter.Unit unit = units.get(ui);
      if (turns != Turns.NONE) {
        if (ui == 0 || units.get(ui - 1).paragraph() != unit.paragraph()) {
          turn = turns.at(unit.paragraph());
          if (turn != null) {
            asking = turn.asks();
            if (turn.answers() && interviewed == null) {
              interviewed = refs.lastPerson(ui);
            }
            block = asking ? null
                : turn.answers() ? interviewed
                : ownVoice(refs.speakerOf(turn.label(), ui), null, refs.issuer());
            speech = block != null;
            previousQuoted = false; // a quotation does not go on across turns
          }
        }
        if (turn != null && unit.start() < turn.body()) {
          if (unit.end() <= turn.body()) {
            continue; // a piece of the label the sentence model cut off ("MR.")
          }
          unit = unit.startingAt(turn.body()); // the label is no part of what was said
        }
      }
      List<Token> tokens = Token.tokenize(text, unit.start(), unit.end(), unit.quotes());
      if (turns != Turns.NONE && Turns.editorsNote(tokens)) {
        // "This interview has been edited for length and clarity.": the editor's, ending the turn
        turn = null;
        block = null;
        speech = false;
        asking = false;
        out.add(new Attributed(
            Statement.in(document, unit.start(), unit.end(), unit.sentence(), null), false,
            isHeadline(text, unit, tokens)));
        previous = null;
        previousQuoted = false;
        continue;
      }
      refs.noteParties(Attributor.between(text, tokens), ui);
      boolean quoted = !unit.quotes().isEmpty();
      Speaker speaker = null;
      Speaker subject = null;
      Speaker confirmed;
      boolean bySubject = false;
      Attributor.Found lead = Speeches.attributable(text, tokens);
      Attributor.Found opener = lead == null ? Speeches.header(text, tokens) : null;
      boolean header = opener != null;
      if (opener == null && lead == null) {
        opener = Speeches.label(text, tokens);
      }
      if (opener == null && lead == null) {
        opener = Speeches.firstPersonFor(text, tokens);
      }
      Attributor.Found found = lead != null ? lead
          : opener != null ? opener
          : asking && Turns.interrogative(tokens) ? null // "Does China support the proposal?"
          : Attributor.find(text, tokens, isActor);
      if (found != null) {
        speaker = ownVoice(refs.speakerOf(found, ui), block, refs.issuer());
        Attributor.Found reported = opener == null ? Nested.inner(text, tokens, found) : null;
        Speaker inner = reported == null ? null : refs.speakerOf(reported, ui);
        if (inner != null && !inner.actors().isEmpty() && speaker != null) {
          speaker = inner.withReporter(speaker); // the position is the innermost speaker's
        }
        refs.noteMeeting(speaker, Attributor.meeting(text, tokens, found), ui);
        if (opener != null && (header || !isTitle(text, unit))) {
          // a headline "X: ..." opens no speech; a header line "Statement by X on Y" does
          block = speaker;
          speech = speaker != null;
          asking = false; // a header, or a label too long for a turn, ends a question
        } else if (endsWithColon(tokens) && lead == null) {
          block = speaker; // "The Foreign Secretary said:" and the paragraphs that follow
          speech = false;
          asking = false;
        } else if (speech && block != null && (speaker == null || speaker.actors().isEmpty())) {
          speaker = block; // "many countries did not denounce it", said in the speech
        } else if (speech && block != null && !speaker.equals(block)) {
          speaker = speaker.withReporter(block); // "As my Foreign Secretary has said, ..."
        }
      } else if (unit.continuesQuote() || (opensWithQuote(text, unit) && previousQuoted)) {
        speaker = previous;
      } else if (speech) {
        speaker = block;
      } else if (agreedWithoutAgent(tokens)) {
        speaker = refs.parties(text.substring(tokens.get(0).start(), tokens.get(0).end()), ui);
      } else if ((confirmed = refs.partyOf(Attributor.impersonalThat(text, tokens), ui)) != null) {
        speaker = confirmed; // "it was confirmed that Russia would export ...", after its call
      } else {
        // a title (a paragraph with no closing punctuation) reports nobody acting, nor does a
        // question from the floor ("Is the United States prepared to mediate?")
        Attributor.Found agent = isTitle(text, unit) || asking ? null
            : Attributor.agent(text, tokens, isActor);
        if (agent != null) {
          subject = refs.speakerOf(agent, ui);
          Attributor.Meeting meeting = Attributor.meeting(text, tokens, agent);
          refs.noteMeeting(subject, meeting, ui);
          // a meeting or call reported is not a position taken: "X spoke with Y" has no speaker;
          // nor is where remarks reported elsewhere were made ("X made the remarks in a call")
          if (agentsSpeak && (meeting == null || !meeting.onlyMeeting())
              && !Attributor.madeTheRemarks(tokens, agent)) {
            speaker = subject;
            bySubject = subject != null;
          }
          if (agent.kind() == Attributor.Kind.PRONOUN) {
            subject = null; // it already stands for an antecedent
          }
        }
        if (Speeches.firstPerson(tokens) && !asking) {
          // "We call on both parties ...": the voice of the text: its block's, the speaker just
          // quoted (a quotation going on without marks), or its publisher's
          Speaker own = block != null ? block
              : previousQuoted ? previous : publisherSpeaker(refs.issuer());
          if (own != null) {
            speaker = own;
            bySubject = false;
          }
        } else if (speaker == null) {
          speaker = block;
        }
      }
      if (speaker != null) {
        refs.add(speaker, ui);
      } else if (subject != null) {
        refs.add(subject, ui);
      }
      out.add(new Attributed(
          Statement.in(document, unit.start(), unit.end(), unit.sentence(), speaker), bySubject,
          isHeadline(text, unit, tokens)));
      previous = speaker;
      previousQuoted = quoted && speaker != null;
    }
    return out;
  }

  /**
   * A speaker named by the first person ("my Foreign Secretary", "our government", "this
   * government") speaks for the actors of the speech under way, or of the publisher, when it
   * resolves to none by itself.
   */
  private static Speaker ownVoice(Speaker speaker, Speaker block, Actor issuer) {
    if (speaker == null || !speaker.actors().isEmpty()) {
      return speaker;
    }
    String m = speaker.mention().toLowerCase(Locale.ROOT);
    if (!(m.startsWith("my ") || m.startsWith("our ") || m.startsWith("this "))) {
      return speaker;
    }
    if (block != null && !block.actors().isEmpty()) {
      return Speaker.of(speaker.mention(), block.actors());
    }
    return issuer == null ? speaker : new Speaker(speaker.mention(), issuer);
  }

  /** "It was agreed to ...", which names no one: the parties of the meeting agreed. */
  private static boolean agreedWithoutAgent(List<Token> t) {
    return t.size() > 3 && t.get(0).is("it") && t.get(1).is("was") && t.get(2).is("agreed");
  }

  /** The publisher as the speaker of its own text, named by its name; null when unknown. */
  private static Speaker publisherSpeaker(Actor issuer) {
    return issuer == null ? null : new Speaker(issuer.name(), issuer);
  }

  private static boolean isTitle(String text, Segmenter.Unit unit) {
    char last = text.charAt(unit.end() - 1);
    return ".!?:;\"\u201D\u2019')".indexOf(last) < 0
        && (unit.end() == text.length() || text.charAt(unit.end()) == '\n'
            || text.charAt(unit.end()) == '\r');
  }

  /** How many words a headline may have. */
  private static final int HEADLINE_WORDS = 25;

  /**
   * A headline: a title ({@link #isTitle}) that is a whole paragraph of one line, of at most
   * {@value #HEADLINE_WORDS} words, not ending in a comma.
   */
  private static boolean isHeadline(String text, Segmenter.Unit unit, List<Token> tokens) {
    if (!isTitle(text, unit) || text.charAt(unit.end() - 1) == ','
        || (unit.start() > 0 && "\n\r".indexOf(text.charAt(unit.start() - 1)) < 0)) {
      return false;
    }
    int newline = text.indexOf('\n', unit.start());
    if (newline >= 0 && newline < unit.end()) {
      return false; // two lines or more
    }
    int words = 0;
    for (Token t : tokens) {
      words += t.isWord() ? 1 : 0;
    }
    return words <= HEADLINE_WORDS;
  }

  private static boolean endsWithColon(List<Token> tokens) {
    return !tokens.isEmpty() && tokens.get(tokens.size() - 1).is(":");
  }

  private static boolean opensWithQuote(String text, Segmenter.Unit unit) {
    return !unit.quotes().isEmpty() && unit.quotes().get(0).start() == unit.start();
  }
}
