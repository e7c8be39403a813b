package io.github.demarche.taxonomy;

/**
 * The label names of the default, diplomatic taxonomy ({@link Taxonomy#diplomatic()}), in its
 * order, so that code compares positions against constants rather than string literals:
 * {@code p.label().equals(Labels.ACCUSATION)}. The meaning of each is in {@link
 * Label#description()} and the codebook. Constants only; thread-safe.
 */
public final class Labels {
  private Labels() {}

  /** Supports sovereignty, territorial integrity or recognised borders. */
  public static final String TERRITORIAL_INTEGRITY = "territorial_integrity";
  /** Calls for restraint, ceasefire, withdrawal, dialogue or a peaceful solution. */
  public static final String DE_ESCALATION = "de_escalation";
  /** Blames or condemns a party. */
  public static final String ACCUSATION = "accusation";
  /** Asks a third party to act, intervene, sanction or help. */
  public static final String APPEAL_FOR_SUPPORT = "appeal_for_support";
  /** Offers to mediate, host talks or help reach peace. */
  public static final String MEDIATION_OFFER = "mediation_offer";
  /** Expresses concern, alarm, regret or condolences. */
  public static final String CONCERN = "concern";
  /** Sides with one party. */
  public static final String SOLIDARITY = "solidarity";
  /** Warns of consequences, threatens retaliation or force. */
  public static final String THREAT = "threat";
  /** Denies responsibility or rejects a claim as false. */
  public static final String DENIAL = "denial";
  /** None of the above; the exclusive label. */
  public static final String NONE = "none";
}
