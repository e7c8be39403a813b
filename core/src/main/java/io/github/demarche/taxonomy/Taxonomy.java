package io.github.demarche.taxonomy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An ordered set of position labels. A taxonomy may name one <em>exclusive</em> label (such as
 * "none") that a statement carries only when it takes none of the others. Immutable and
 * thread-safe.
 */
public final class Taxonomy {
  /** The name of the exclusive label of the diplomatic taxonomy. */
  public static final String NONE = Labels.NONE;

  private static final Taxonomy DIPLOMATIC =
      new Taxonomy(
          "diplomatic-positions-1.1",
          List.of(
              new Label(
                  Labels.TERRITORIAL_INTEGRITY,
                  "Supports sovereignty, territorial integrity or inviolability of recognised"
                      + " borders; rejects border changes by force, occupation, annexation,"
                      + " separatism.",
                  null,
                  "context: territory"),
              new Label(
                  Labels.DE_ESCALATION,
                  "Calls for restraint, ceasefire, withdrawal, dialogue or a peaceful solution.",
                  "0256",
                  "AGREE (de-escalate)"),
              new Label(
                  Labels.ACCUSATION,
                  "Blames or condemns a party for an attack, aggression, provocation, violation"
                      + " or escalation.",
                  "112/1123",
                  "ACCUSE"),
              new Label(
                  Labels.APPEAL_FOR_SUPPORT,
                  "Asks a third party (ally, alliance, international organisation) to act,"
                      + " intervene, sanction or help; invokes a treaty.",
                  "023",
                  "REQUEST"),
              new Label(
                  Labels.MEDIATION_OFFER,
                  "Offers to mediate, host talks or help reach peace, or presents its own peace"
                      + " initiative.",
                  "039",
                  "CONSULT (mediate)"),
              new Label(
                  Labels.CONCERN,
                  "Expresses concern, alarm, regret or condolences, or says it is closely"
                      + " following the situation.",
                  null,
                  null),
              new Label(
                  Labels.SOLIDARITY,
                  "Sides with one party: support, alignment, backing of its right to"
                      + " self-defence.",
                  "051",
                  "SUPPORT"),
              new Label(
                  Labels.THREAT,
                  "Warns of consequences, threatens retaliation or force, issues an ultimatum.",
                  "13x",
                  "THREATEN"),
              new Label(
                  Labels.DENIAL,
                  "Denies responsibility, or rejects another party's claim or accusation as"
                      + " false.",
                  "016",
                  "REJECT"),
              new Label(
                  NONE,
                  "Expresses none of the above: factual report, background, logistics.",
                  null,
                  null)),
          NONE);

  private final String name;
  private final ImmutableList<Label> labels;
  private final ImmutableMap<String, Integer> indexByName;
  private final String exclusive;

  /**
   * A taxonomy of the given labels, in order.
   *
   * @param name a short name for the label set, stored in model files
   * @param labels the labels, at least one, names unique
   * @param exclusive the name of the exclusive label, or null when there is none
   * @throws IllegalArgumentException when a name repeats or the exclusive label is not among them
   */
  public Taxonomy(String name, List<Label> labels, String exclusive) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("taxonomy name must not be blank");
    }
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("taxonomy '" + name + "' must have at least one label");
    }
    ImmutableMap.Builder<String, Integer> index = ImmutableMap.builder();
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i) == null) {
        throw new IllegalArgumentException("label " + i + " of taxonomy '" + name + "' is null");
      }
      index.put(labels.get(i).name(), i);
    }
    try {
      this.indexByName = index.buildOrThrow();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("taxonomy '" + name + "' repeats a label: " + e.getMessage());
    }
    if (exclusive != null && !indexByName.containsKey(exclusive)) {
      throw new IllegalArgumentException(
          "exclusive label '" + exclusive + "' is not a label of taxonomy '" + name + "'");
    }
    this.name = name;
    this.labels = ImmutableList.copyOf(labels);
    this.exclusive = exclusive;
  }

  /** The ten labels of the diplomatic positions codebook (v1.1), with "none" exclusive. */
  public static Taxonomy diplomatic() {
    return DIPLOMATIC;
  }

  /**
   * A taxonomy of plain label names in the given order. Where the names are exactly a subset of
   * the diplomatic labels, their descriptions are kept; "none" is exclusive when present.
   */
  public static Taxonomy of(String name, Collection<String> labelNames) {
    ImmutableList.Builder<Label> labels = ImmutableList.builder();
    for (String labelName : labelNames) {
      labels.add(DIPLOMATIC.label(labelName).orElseGet(() -> Label.named(labelName)));
    }
    return new Taxonomy(name, labels.build(), labelNames.contains(NONE) ? NONE : null);
  }

  public String name() {
    return name;
  }

  /** The labels in order. */
  public List<Label> labels() {
    return labels;
  }

  /** The label names in order. */
  public List<String> names() {
    return labels.stream().map(Label::name).collect(ImmutableList.toImmutableList());
  }

  public int size() {
    return labels.size();
  }

  /** The label with this name, if any. */
  public Optional<Label> label(String labelName) {
    Integer i = indexByName.get(labelName);
    return i == null ? Optional.empty() : Optional.of(labels.get(i));
  }

  /** The position of a label in this taxonomy, or -1 when it is not one of its labels. */
  public int indexOf(String labelName) {
    Integer i = indexByName.get(labelName);
    return i == null ? -1 : i;
  }

  /** The exclusive label ("none"), if this taxonomy has one. */
  public Optional<String> exclusiveLabel() {
    return Optional.ofNullable(exclusive);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Taxonomy t
        && t.name.equals(name)
        && t.labels.equals(labels)
        && java.util.Objects.equals(t.exclusive, exclusive);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, labels, exclusive);
  }

  @Override
  public String toString() {
    return "Taxonomy[" + name + ": " + names() + "]";
  }
}
