package io.github.demarche.extract;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.StatementExtractor;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    // mentions repeat within a document; resolve each once
    Map<String, Optional<Actor>> resolved = new HashMap<>();
    Function<String, Actor> resolve =
        mention -> resolved.computeIfAbsent(mention, actors::resolve).orElse(null);
    Predicate<String> isActor = phrase -> resolve.apply(phrase) != null;
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
        speaker = speakerOf(found, antecedents, ui, resolve);
        if (endsWithColon(tokens)) {
          block = speaker; // "The Foreign Secretary said:" and the paragraphs that follow
        }
      } else if (unit.continuesQuote() || (opensWithQuote(text, unit) && previousQuoted)) {
        speaker = previous;
      } else {
        // a title (a paragraph with no closing punctuation) reports nobody acting
        agent = isTitle(text, unit) ? null : Attributor.agent(text, tokens, isActor);
        if (agent != null && agentsSpeak) {
          speaker = speakerOf(agent, antecedents, ui, resolve);
        }
        if (speaker == null) {
          speaker = block;
        }
      }
      if (speaker != null) {
        antecedents.add(Antecedent.of(speaker, ui));
      } else if (agent != null && agent.kind() != Attributor.Kind.PRONOUN) {
        antecedents.add(Antecedent.of(new Speaker(agent.text(), resolve.apply(agent.text())), ui));
      }
      out.add(Statement.in(document, unit.start(), unit.end(), unit.sentence(), speaker));
      previous = speaker;
      previousQuoted = quoted && speaker != null;
    }
    return out;
  }

  private static Speaker speakerOf(Attributor.Found found, List<Antecedent> antecedents, int ui,
      Function<String, Actor> resolve) {
    switch (found.kind()) {
      case PRONOUN: {
        Antecedent a = antecedent(antecedents, ui, found.text().toLowerCase(Locale.ROOT));
        return a == null ? null : a.speaker();
      }
      case DESCRIPTION: {
        Actor own = resolve.apply(found.text());
        if (own != null) {
          return new Speaker(found.text(), own);
        }
        Antecedent a = antecedent(antecedents, ui, found.text().toLowerCase(Locale.ROOT));
        return new Speaker(found.text(), a == null ? null : a.speaker().actor());
      }
      default:
        return new Speaker(found.text(), resolve.apply(found.text()));
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
    List<String> words = words(lowerReference);
    String last = words.get(words.size() - 1);
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
      List<String> words = words(lower);
      String last = words.get(words.size() - 1);
      if (last.equals("statement") || last.equals("communique") || last.equals("declaration")) {
        return ANY;
      }
      if (SpeechCues.PERSON_ROLES.contains(last)) {
        return PERSON;
      }
      if (last.endsWith("s") || words.get(0).equals("both") || words.get(0).equals("all")) {
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

  /**
   * A speaker (or a sentence subject) that a later reference may mean, with what sort of speaker
   * it is worked out once.
   */
  private record Antecedent(Speaker speaker, int unit, String lowerMention, boolean person,
      boolean plural) {

    static Antecedent of(Speaker speaker, int unit) {
      String m = speaker.mention().toLowerCase(Locale.ROOT);
      List<String> words = words(m);
      String last = words.get(words.size() - 1);
      boolean plural = m.contains(" and ") || m.startsWith("both ") || m.startsWith("all ")
          || (last.endsWith("s") && (SpeechCues.BODY_ROLES.contains(last)
              || SpeechCues.PERSON_ROLES.contains(last.substring(0, last.length() - 1))));
      return new Antecedent(speaker, unit, m, !plural && isPerson(speaker, m, words), plural);
    }

    private static boolean isPerson(Speaker speaker, String m, List<String> words) {
      for (String w : words) {
        if (SpeechCues.PERSON_ROLES.contains(w)) {
          return true;
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
        return true;
      }
      String bare = m.startsWith("the ") ? m.substring(4) : m;
      return !bare.contains(actor.name().toLowerCase(Locale.ROOT))
          && !bare.equalsIgnoreCase(actor.id());
    }
  }

  /** The words of a lower-case phrase, split at white space and commas. */
  private static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= phrase.length(); i++) {
      boolean separator = i == phrase.length() || Character.isWhitespace(phrase.charAt(i))
          || phrase.charAt(i) == ',';
      if (separator && start >= 0) {
        out.add(phrase.substring(start, i));
        start = -1;
      } else if (!separator && start < 0) {
        start = i;
      }
    }
    if (out.isEmpty()) {
      out.add("");
    }
    return out;
  }

  private static boolean isTitle(String text, Segmenter.Unit unit) {
    char last = text.charAt(unit.end() - 1);
    return ".!?:;\"\u201D\u2019')".indexOf(last) < 0
        && (unit.end() == text.length() || text.charAt(unit.end()) == '\n'
            || text.charAt(unit.end()) == '\r');
  }

  private static boolean endsWithColon(List<Token> tokens) {
    return !tokens.isEmpty() && tokens.get(tokens.size() - 1).is(":");
  }

  private static boolean opensWithQuote(String text, Segmenter.Unit unit) {
    return !unit.quotes().isEmpty() && unit.quotes().get(0).start() == unit.start();
  }
}
