package io.github.demarche.features;

import java.util.List;

/**
 * Versioned lists of word stems that signal a position (e.g. "accus", "ceasefir", "solidar") and
 * of negation words. A released version never changes, because models trained with it depend on
 * it; improvements go into a new version. Immutable and thread-safe.
 */
public final class CueLexicon {
  /** The newest lexicon version. */
  public static final int LATEST = 1;

  /** The cue classes of version 1, each a name and the stems (lower case) that signal it. */
  static final List<List<String>> V1 =
      List.of(
          List.of("territory", "sovereign", "territori", "integrity", "inviolab", "annex",
              "separatis", "inalienab", "occupat", "border", "recogni"),
          List.of("deescalate", "restraint", "ceasefir", "truce", "dialogu", "negotia", "peaceful",
              "diplomati", "calm", "escalat", "withdra", "political", "solution", "talks",
              "hostilit", "stop"),
          List.of("accuse", "accus", "condemn", "blame", "aggress", "provocat", "provok",
              "violat", "atrocit", "crime", "terror", "invasi", "illegal", "shell", "attack",
              "responsib", "aggressor"),
          List.of("appeal", "urge", "urged", "call", "appeal", "request", "internationa",
              "communit", "security", "council", "treaty", "sanction", "alli", "help", "ask"),
          List.of("mediat", "host", "ready", "readiness", "willing", "offer", "assist", "broker",
              "initiativ", "facilitat", "good"),
          List.of("concern", "alarm", "regret", "condolenc", "worr", "troubl", "closely",
              "deepl", "sadden", "follow", "grave"),
          List.of("solidar", "support", "stand", "stands", "brother", "friend", "self", "defen",
              "back", "alongsid"),
          List.of("warn", "threat", "retaliat", "respond", "respons", "consequen", "decisiv",
              "force", "military", "ultimat", "accountab", "robust", "options", "punish"),
          List.of("deni", "deny", "false", "fabricat", "baseless", "groundles", "disinform",
              "propagand", "lie", "lies", "fake", "unfounde", "reject", "absurd"));

  static final List<String> V1_NAMES =
      List.of("territory", "deescalation", "accusation", "appeal", "mediation", "concern",
          "solidarity", "threat", "denial");

  static final List<String> V1_NEGATIONS =
      List.of("not", "no", "never", "nor", "neither", "without", "none", "cannot", "t");

  private CueLexicon() {}
}
