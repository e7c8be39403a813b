package io.github.demarche.taxonomy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One position label of a taxonomy, with what it means and its counterparts in the event-coding
 * schemes CAMEO and PLOVER. Immutable and thread-safe.
 *
 * @param name the label as it appears in data, e.g. "de_escalation"
 * @param description what a statement with this label expresses
 * @param cameo the CAMEO event code(s) it corresponds to, or null when there is none
 * @param plover the PLOVER category or context it corresponds to, or null
 */
public record Label(String name, String description, String cameo, String plover) {
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.:+-]+");
  /** What a label name may hold, as said in messages. */
  public static final String NAME_RULE = "may hold only letters, digits and _ . : + -";

  public Label {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("label name must not be blank");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("label name '" + name + "' " + NAME_RULE);
    }
    description = description == null ? "" : description;
  }

  /** Whether {@code name} is a valid label name: letters, digits and {@code _ . : + -} only. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** A label with a name only, for user-defined label sets. */
  public static Label named(String name) {
    return new Label(name, "", null, null);
  }

  /** The CAMEO code(s), if any. */
  public Optional<String> cameoCode() {
    return Optional.ofNullable(cameo);
  }
}
