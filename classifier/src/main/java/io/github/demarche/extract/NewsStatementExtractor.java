package io.github.demarche.extract;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.StatementExtractor;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
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
 * speaker. A statement whose text names nobody gets a null speaker. See {@code docs/analyze.md}.
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

  @Override
  public List<Statement> extract(Document document) {
    if (document == null) {
      throw new IllegalArgumentException("document must not be null");
    }
    String text = document.text();
    List<Segmenter.Unit> units = Segmenter.units(text);
    List<Statement> out = new ArrayList<>(units.size());
    List<Antecedent> antecedents = new ArrayList<>();
    Predicate<String> isActor = phrase -> actors.resolve(phrase).isPresent();
    Speaker previous = null;
    boolean previousQuoted = false;
    Speaker block = null;
    for (int ui = 0; ui < units.size(); ui++) {
      Segmenter.Unit unit = units.get(ui);
      List<Token> tokens = Token.tokenize(text, unit.start(), unit.end(), unit.quotes());
      Attributor.Found found = Attributor.find(text, tokens, isActor);
      boolean quoted = !unit.quotes().isEmpty();
      Speaker speaker = null;
      Attributor.Found agent = null;
      if (found != null) {
        speaker = speakerOf(found, antecedents, ui);
        if (endsWithColon(tokens)) {
          block = speaker; // "The Foreign Secretary said:" and the paragraphs that follow
        }
      } else if (unit.continuesQuote() || (opensWithQuote(text, unit) && previousQuoted)) {
        speaker = previous;
      } else {
        agent = Attributor.agent(text, tokens, isActor);
        if (agent != null && agentsSpeak) {
          speaker = speakerOf(agent, antecedents, ui);
        }
        if (speaker == null) {
          speaker = block;
        }
      }
      if (speaker != null) {
        antecedents.add(new Antecedent(speaker, ui));
      } else if (agent != null && agent.kind() != Attributor.Kind.PRONOUN) {
        antecedents.add(new Antecedent(
            new Speaker(agent.text(), actors.resolve(agent.text()).orElse(null)), ui));
      }
      out.add(Statement.in(document, unit.start(), unit.end(), unit.sentence(), speaker));
      previous = speaker;
      previousQuoted = quoted && speaker != null;
    }
    return out;
  }

  private Speaker speakerOf(Attributor.Found found, List<Antecedent> antecedents, int ui) {
    switch (found.kind()) {
      case PRONOUN: {
        Antecedent a = antecedent(antecedents, ui, found.text().toLowerCase(Locale.ROOT));
        return a == null ? null : a.speaker();
      }
      case DESCRIPTION: {
        Actor own = actors.resolve(found.text()).orElse(null);
        if (own != null) {
          return new Speaker(found.text(), own);
        }
        Antecedent a = antecedent(antecedents, ui, found.text().toLowerCase(Locale.ROOT));
        return new Speaker(found.text(), a == null ? null : a.speaker().actor());
      }
      default:
        return new Speaker(found.text(), actors.resolve(found.text()).orElse(null));
    }
  }

  /** The most recent antecedent within the window that the reference can mean, or null. */
  private static Antecedent antecedent(List<Antecedent> antecedents, int ui, String reference) {
    Want want = Want.of(reference);
    String role = roleWord(reference);
    Antecedent fallback = null;
    for (int i = antecedents.size() - 1; i >= 0; i--) {
      Antecedent a = antecedents.get(i);
      if (ui - a.unit() > REFERENCE_WINDOW) {
        break;
      }
      if (!want.accepts(a)) {
        continue;
      }
      if (role == null || a.lowerMention().contains(role)) {
        return a;
      }
      if (fallback == null) {
        fallback = a;
      }
    }
    // "the minister" may mean a speaker named without his title; "the tribunal" must be named so
    return want == Want.PERSON || want == Want.ANY ? fallback : null;
  }

  /** The role noun of a description ("spokesman" in "the spokesman"), or null. */
  private static String roleWord(String lowerReference) {
    String[] words = lowerReference.split("\\s+");
    String last = words[words.length - 1];
    return SpeechCues.PERSON_ROLES.contains(last) || SpeechCues.BODY_ROLES.contains(last)
        ? last : null;
  }

  /** What sort of speaker a reference can mean. */
  private enum Want {
    PERSON, BODY, PLURAL, ANY;

    static Want of(String lower) {
      switch (lower) {
        case "he":
        case "she":
          return PERSON;
        case "it":
          return BODY;
        case "they":
          return PLURAL;
        default:
          break;
      }
      String[] words = lower.split("\\s+");
      String last = words[words.length - 1];
      if (last.equals("statement") || last.equals("communique") || last.equals("declaration")) {
        return ANY;
      }
      if (SpeechCues.PERSON_ROLES.contains(last)) {
        return PERSON;
      }
      if (last.endsWith("s") || words[0].equals("both") || words[0].equals("all")) {
        return PLURAL;
      }
      return BODY;
    }

    boolean accepts(Antecedent a) {
      switch (this) {
        case PERSON:
          return a.person();
        case BODY:
          return !a.person() && !a.plural();
        case PLURAL:
          return a.plural();
        default:
          return true;
      }
    }
  }

  /** A speaker (or a sentence subject) that a later reference may mean. */
  private record Antecedent(Speaker speaker, int unit) {
    String lowerMention() {
      return speaker.mention().toLowerCase(Locale.ROOT);
    }

    boolean person() {
      String[] words = lowerMention().split("[\\s,]+");
      for (String w : words) {
        if (SpeechCues.PERSON_ROLES.contains(w)) {
          return !plural();
        }
      }
      for (String w : words) {
        if (SpeechCues.BODY_ROLES.contains(w)) {
          return false;
        }
      }
      // a dictionary maps people to the state they speak for, so a resolved actor alone does not
      // make a mention a body: it is one when it names that actor ("Iran", "the United States")
      Actor actor = speaker.actor();
      if (actor == null || actor.kind() == ActorKind.PERSON) {
        return !plural();
      }
      String m = lowerMention().startsWith("the ") ? lowerMention().substring(4) : lowerMention();
      return !m.contains(actor.name().toLowerCase(Locale.ROOT))
          && !m.equalsIgnoreCase(actor.id()) && !plural();
    }

    boolean plural() {
      String m = lowerMention();
      if (m.contains(" and ") || m.startsWith("both ") || m.startsWith("all ")) {
        return true;
      }
      String[] words = m.split("\\s+");
      String last = words[words.length - 1];
      return last.endsWith("s") && (SpeechCues.BODY_ROLES.contains(last)
          || SpeechCues.PERSON_ROLES.contains(last.substring(0, last.length() - 1)));
    }
  }

  private static boolean endsWithColon(List<Token> tokens) {
    return !tokens.isEmpty() && tokens.get(tokens.size() - 1).is(":");
  }

  private static boolean opensWithQuote(String text, Segmenter.Unit unit) {
    return !unit.quotes().isEmpty() && unit.quotes().get(0).start() == unit.start();
  }
}
