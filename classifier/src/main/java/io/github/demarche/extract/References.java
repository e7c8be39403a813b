package io.github.demarche.extract;

import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import io.github.demarche.domain.Speaker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one document has said so far about who speaks: the speakers and sentence subjects a later
 * reference may mean, the two parties of the last meeting reported ("the two sides"), the names
 * of people already resolved ("Lammy" after "Foreign Secretary David Lammy"), and the actor that
 * issued the document, if known. Turns each mention found into a {@link Speaker}. One instance
 * per document; not thread-safe. Every look-up is bounded: references look back at most
 * {@link NewsStatementExtractor#REFERENCE_WINDOW} statements, names are a hash map.
 */
final class References {
  /** How many statements back "the two sides" may look for the meeting it means. */
  static final int PAIR_WINDOW = 2 * NewsStatementExtractor.REFERENCE_WINDOW;

  /**
   * "the two sides", "both leaders", "The leaders", "each side", "the two ministers": a group of
   * two parties named before.
   */
  private static final Pattern GROUP = Pattern.compile(
      "(?:the|both|each|the two|both the)\\s+(?:two\\s+)?(?:sides?|leaders|parties|party"
          + "|ministers|foreign ministers|presidents|prime ministers|heads of state|counterparts"
          + "|delegations|governments|countries|diplomats|officials)");
  /** "Participating leaders", "the participants": everyone at the gathering reported. */
  private static final Pattern PARTICIPANTS = Pattern.compile(
      "(?:the\\s+)?(?:participating\\s+(?:leaders|ministers|countries|states|parties|sides)"
          + "|participants)");
  /** "The MoU", "this agreement", "the accord": a text its signatories speak by. */
  private static final Pattern AGREEMENT = Pattern.compile(
      "(?:the|this|that)\\s+(?:mou|memorandum(?:\\s+of\\s+understanding)?|agreement|accord"
          + "|treaty|pact|deal)");
  /** What separates the items of a list of speakers: "A, B and C", "A as well as B". */
  private static final Pattern LIST = Pattern.compile(",\\s*and\\s+|,|;|\\s+and\\s+|\\s+as well as\\s+");
  /** Words that name an open group: a list with one of them is not a list of known speakers. */
  private static final Set<String> OPEN = Set.of(
      "other", "others", "many", "several", "some", "various", "numerous", "all");

  private final ActorResolver actors;
  private final Actor issuer;
  /** The state the text presents as its own ({@link ReadoutHost}), worked out on first need. */
  private final java.util.function.Supplier<Actor> hostOfText;
  private Optional<Actor> host;
  private final List<Antecedent> antecedents = new ArrayList<>();
  private final Map<String, Optional<Actor>> resolved = new HashMap<>();
  /** Capitalised words of resolved speaker mentions; an empty value marks a word of two actors. */
  private final Map<String, Optional<Actor>> names = new HashMap<>();
  /** Speakers whose names are already in {@link #names}: mentions repeat in a document. */
  private final Set<Speaker> named = new HashSet<>();
  private List<Actor> pair = List.of();
  private int pairUnit = -1;

  /**
   * @param issuer the actor that issued the document (from its web address), or null: an
   *     official's role that nothing else resolves ("The Prime Minister") is the issuer's
   */
  References(ActorResolver actors, Actor issuer) {
    this(actors, issuer, () -> null);
  }

  /**
   * @param issuer the actor that issued the document, or null
   * @param hostOfText the state the text presents as its own, asked only when no issuer is known
   *     and an official's role resolves to nothing else ("The Prime Minister" of a readout that
   *     credits "the UK's support")
   */
  References(ActorResolver actors, Actor issuer, java.util.function.Supplier<Actor> hostOfText) {
    this.actors = actors;
    this.issuer = issuer;
    this.hostOfText = hostOfText;
  }

  /** The issuer, else the state the text presents as its own, else null. */
  private Actor ownSide() {
    if (issuer != null) {
      return issuer;
    }
    if (host == null) {
      host = Optional.ofNullable(hostOfText.get());
    }
    return host.orElse(null);
  }

  /** The actor that issued the document, or null when unknown. */
  Actor issuer() {
    return issuer;
  }

  /**
   * The parties of the last meeting or call, as the speaker of an agreement that names nobody
   * ("It was agreed to continue contacts"), or null when none was reported recently.
   */
  Speaker parties(String mention, int ui) {
    return pair.size() == 2 && ui - pairUnit <= PAIR_WINDOW ? Speaker.of(mention, pair) : null;
  }

  /**
   * The speaker a mention names when it is one of the parties of the last meeting or call ("it was
   * confirmed that Russia would ..." after Putin's call with Erdogan), or null.
   */
  Speaker partyOf(Attributor.Found mention, int ui) {
    if (mention == null || pair.size() != 2 || ui - pairUnit > PAIR_WINDOW) {
      return null;
    }
    Actor actor = resolve(mention.text());
    for (Actor party : pair) {
      if (actor != null && party.id().equals(actor.id())) {
        return new Speaker(mention.text(), actor);
      }
    }
    return null;
  }

  /** The actor a mention names by itself, or null; each mention is resolved once. */
  Actor resolve(String mention) {
    return resolved.computeIfAbsent(mention, actors::resolve).orElse(null);
  }

  /** A speaker (or sentence subject) later references may mean, found in unit {@code ui}. */
  void add(Speaker speaker, int ui) {
    antecedents.add(Antecedent.of(speaker, ui));
    if (speaker.actors().size() == 2) {
      pair = speaker.actors(); // "Armenia and Azerbaijan traded fire. Both sides ..."
      pairUnit = ui;
    }
    if (speaker.actors().size() == 1 && named.add(speaker)) {
      String m = speaker.mention();
      int start = -1;
      for (int i = 0; i <= m.length(); i++) {
        boolean part = i < m.length() && (Character.isLetter(m.charAt(i)) || m.charAt(i) == '-'
            || m.charAt(i) == '\'' || m.charAt(i) == '\u2019' || m.charAt(i) == '.');
        if (part && start < 0) {
          start = i;
        } else if (!part && start >= 0) {
          addName(m.substring(start, i), speaker.actor());
          start = -1;
        }
      }
    }
  }

  private void addName(String word, Actor actor) {
    String key = nameKey(word);
    if (key != null) {
      Optional<Actor> earlier = names.putIfAbsent(key, Optional.of(actor));
      if (earlier != null && !earlier.equals(Optional.of(actor))) {
        names.put(key, Optional.empty()); // a name of two actors says nothing
      }
    }
  }

  /** The two parties of a meeting the unit reports, when both resolve to different actors. */
  void noteMeeting(Speaker subject, Attributor.Meeting meeting, int ui) {
    if (subject == null || meeting == null || subject.actors().size() != 1) {
      return;
    }
    Speaker partner = speakerOf(meeting.partner(), ui);
    if (partner != null && partner.actor() != null) {
      add(partner, ui); // before the subject, so that "he" still means the subject
    }
    if (partner != null && partner.actors().size() == 1
        && !partner.actor().equals(subject.actor())) {
      pair = List.of(subject.actor(), partner.actor());
      pairUnit = ui;
    }
  }

  /** Two parties the unit names together ("between Armenia and Azerbaijan"), if they resolve. */
  void noteParties(Attributor.Found parties, int ui) {
    if (parties == null) {
      return;
    }
    List<Actor> listed = listed(parties.text(), ui);
    if (listed.size() == 2) {
      pair = listed;
      pairUnit = ui;
    }
  }

  /**
   * The person a text has just named, as "he" or "she" in unit {@code ui} would mean them, or
   * null: the one an interview's first answer ("A: ...") is from, after "Estonian Foreign
   * Minister X spoke to our correspondent" and the first question.
   */
  Speaker lastPerson(int ui) {
    Antecedent a = antecedent(ui, "he", false);
    return a == null ? null : a.speaker();
  }

  /** The speaker a mention found in unit {@code ui} stands for, or null for a pronoun unmeant. */
  Speaker speakerOf(Attributor.Found found, int ui) {
    String mention = found.text();
    String lowerMention = mention.toLowerCase(Locale.ROOT).strip();
    if (found.kind() != Attributor.Kind.PRONOUN && (AGREEMENT.matcher(lowerMention).matches()
        || PARTICIPANTS.matcher(lowerMention).matches())) {
      // "this MoU stated that ...", after "a memorandum signed between A and B": A's and B's;
      // "Participating leaders agreed", after "X participated in a session chaired by Y"
      return pair.size() == 2 && ui - pairUnit <= PAIR_WINDOW
          ? Speaker.of(mention, pair) : new Speaker(mention, null);
    }
    switch (found.kind()) {
      case PRONOUN: {
        String lower = mention.toLowerCase(Locale.ROOT);
        Antecedent a = antecedent(ui, lower, false);
        if (a == null && lower.equals("they")) {
          return parties(mention, ui); // "X had a call with Y. They discussed ..."
        }
        return a == null ? null : a.speaker();
      }
      case DESCRIPTION: {
        Actor own = resolve(mention);
        if (own != null) {
          return new Speaker(mention, own);
        }
        List<Actor> listed = mention.indexOf(',') < 0 && mention.indexOf(" and ") < 0
            ? List.of() : listed(mention, ui);
        return Speaker.of(mention, listed.isEmpty() ? described(mention, ui) : listed);
      }
      default: {
        Actor own = resolve(mention);
        if (own != null) {
          return new Speaker(mention, own);
        }
        List<Actor> listed = listed(mention, ui);
        if (!listed.isEmpty()) {
          return Speaker.of(mention, listed);
        }
        Actor named = named(mention);
        if (named == null && spokesperson(mention)) {
          named = ownSide(); // "Vedant Patel, Principal Deputy Spokesperson": the issuer's
        }
        return new Speaker(mention, named);
      }
    }
  }

  /**
   * The actors a description without a name of its own means: the last meeting's two parties for
   * "the two sides"; else the most recent compatible speaker with the same role word; else the
   * issuer of the document for an official's role or a body; else the most recent compatible
   * speaker.
   */
  private List<Actor> described(String mention, int ui) {
    String lower = mention.toLowerCase(Locale.ROOT).strip();
    if (GROUP.matcher(lower).matches()) {
      return pair.size() == 2 && ui - pairUnit <= PAIR_WINDOW ? pair : List.of();
    }
    Antecedent same = antecedent(ui, lower, false);
    if (same != null) {
      return same.speaker().actors();
    }
    if (issuer != null && Want.of(lower) != Want.PLURAL) {
      return List.of(issuer);
    }
    if (Want.of(lower) == Want.PERSON && ownSide() != null) {
      return List.of(ownSide()); // an official's title in a readout that names its own side
    }
    Antecedent any = antecedent(ui, lower, true);
    return any == null ? List.of() : any.speaker().actors();
  }

  /**
   * "The United States and Saudi Arabia", "The Secretary and President Aliyev": when every item
   * of a list resolves (a description as {@link #described} does), the actors of all of them, in
   * order; empty otherwise, and for an open group ("Britain and other countries").
   */
  private List<Actor> listed(String mention, int ui) {
    String[] items = LIST.split(mention);
    if (items.length < 2) {
      return List.of();
    }
    if (items.length == 2 && pair.size() == 2 && ui - pairUnit <= PAIR_WINDOW
        && isDescription(words(items[0].strip().toLowerCase(Locale.ROOT)))
        && isDescription(words(items[1].strip().toLowerCase(Locale.ROOT)))) {
      return pair; // "The President and the King" after their call: its two parties
    }
    List<Actor> out = new ArrayList<>(items.length);
    for (String raw : items) {
      String item = raw.strip();
      if (item.isEmpty()) {
        continue;
      }
      List<String> w = words(item.toLowerCase(Locale.ROOT));
      for (String x : w) {
        if (OPEN.contains(x)) {
          return List.of();
        }
      }
      Actor own = resolve(item);
      List<Actor> these = own != null ? List.of(own)
          : isDescription(w) ? described(item, ui) : List.of();
      if (these.isEmpty()) {
        return List.of();
      }
      for (Actor a : these) {
        if (!out.contains(a)) {
          out.add(a);
        }
      }
    }
    return out.size() >= 2 ? out : List.of();
  }

  /** Roles that speak for the issuer of what they say: a spokesperson's. */
  private static final Set<String> SPOKES = Set.of("spokesperson", "spokesman", "spokeswoman");

  /** Whether a mention names someone by a spokesperson's role: "X, Principal Deputy Spokesperson". */
  private static boolean spokesperson(String mention) {
    String lower = mention.toLowerCase(Locale.ROOT);
    if (lower.contains(" for ") || lower.contains(" of ")) {
      return false; // "a spokesman for the rebels" says whose he is
    }
    int comma = lower.lastIndexOf(',');
    // the words from the start, or from an apposition's comma, up to the role: titles only
    // ("Jane Roe, Principal Deputy Spokesperson", "Spokesperson Miller"), so that "a Wagner
    // spokesman" names a side the dictionary does not know, not the issuer's
    List<String> words = words(comma < 0 ? lower : lower.substring(comma + 1));
    for (String w : words) {
      if (SPOKES.contains(w)) {
        return true;
      }
      if (!SpeechCues.PERSON_ROLES.contains(w) && !SpeechCues.MODIFIERS.contains(w)
          && !SpeechCues.DETERMINERS.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /** "the Secretary", "the foreign minister": an article and role words only. */
  private static boolean isDescription(List<String> lowerWords) {
    if (lowerWords.size() < 2 || !lowerWords.get(0).equals("the")) {
      return false;
    }
    for (int i = 1; i < lowerWords.size(); i++) {
      String x = lowerWords.get(i);
      if (!SpeechCues.PERSON_ROLES.contains(x) && !SpeechCues.BODY_ROLES.contains(x)
          && !SpeechCues.MODIFIERS.contains(x)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A person named again by one name ("Lammy", "Mr Ammar") speaks for the actor of the earlier
   * mention that had that name; null when no earlier mention had it, or two actors' did.
   */
  private Actor named(String mention) {
    String[] w = mention.strip().split("\\s+");
    int from = w.length == 2 && HONORIFICS.contains(w[0].toLowerCase(Locale.ROOT)
        .replace(".", "")) ? 1 : 0;
    if (w.length - from != 1) {
      return null;
    }
    String key = nameKey(w[from]);
    Optional<Actor> actor = key == null ? null : names.get(key);
    return actor == null ? null : actor.orElse(null);
  }

  private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "minister",
      "president", "secretary", "ambassador", "general", "prime");

  /** The key of a word that may be a person's name ("Lammy"), or null for other words. */
  private static String nameKey(String word) {
    if (word.length() < 3 || !Character.isUpperCase(word.charAt(0))) {
      return null;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!Character.isLetter(c) && c != '-') {
        return null; // "Iran's", "U.S."
      }
    }
    String l = word.toLowerCase(Locale.ROOT);
    if (SpeechCues.PERSON_ROLES.contains(l) || SpeechCues.BODY_ROLES.contains(l)
        || SpeechCues.MODIFIERS.contains(l) || SpeechCues.CAPITALISED_STOP.contains(l)
        || SpeechCues.DETERMINERS.contains(l) || SpeechCues.JOINERS.contains(l)
        || HONORIFICS.contains(l)) {
      return null;
    }
    return l;
  }

  /**
   * The most recent antecedent within the window that the reference can mean, or null: for a
   * role description, one whose mention has the same role word, or (when {@code anyRole}) any
   * compatible one; a pronoun means the most recent compatible one.
   */
  private Antecedent antecedent(int ui, String reference, boolean anyRole) {
    Want want = Want.of(reference);
    String role = roleWord(reference);
    for (int i = antecedents.size() - 1; i >= 0; i--) {
      Antecedent a = antecedents.get(i);
      if (ui - a.unit() > NewsStatementExtractor.REFERENCE_WINDOW) {
        break;
      }
      if (!want.accepts(a)) {
        continue;
      }
      if (role == null || a.lowerMention().contains(role)) {
        return a;
      }
      // "the minister" may mean a speaker named without his title; "the tribunal" must be named so
      if (anyRole && (want == Want.PERSON || want == Want.ANY)) {
        return a;
      }
    }
    return null;
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
      boolean plural = speaker.actors().size() > 1 || listsSeveral(speaker, m)
          || m.startsWith("both ") || m.startsWith("all ")
          || (last.endsWith("s") && (SpeechCues.BODY_ROLES.contains(last)
              || SpeechCues.PERSON_ROLES.contains(last.substring(0, last.length() - 1))));
      return new Antecedent(speaker, unit, m, !plural && isPerson(speaker, m, words), plural);
    }

    /**
     * "Armenia and its allies" lists several; "Algeria's ambassador and representative to the
     * UN, Ammar bin Jame", one person with two titles, does not.
     */
    private static boolean listsSeveral(Speaker speaker, String m) {
      int and = m.indexOf(" and ");
      if (and < 0) {
        return false;
      }
      if (speaker.actors().size() != 1) {
        return true;
      }
      List<String> after = words(m.substring(and + 5));
      return !SpeechCues.PERSON_ROLES.contains(after.get(0));
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

}
