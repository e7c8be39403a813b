package io.github.demarche.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A short Markdown description of a trained model for the people who will use it: its data, label
 * counts, settings, measured quality, intended use and limits. Written next to the model file by
 * {@code demarche train}. Stateless and thread-safe.
 */
public final class ModelCard {
  private ModelCard() {}

  /**
   * What the card says about the model's origin and purpose, as given to {@code train}.
   * Immutable.
   *
   * @param dataFiles the training files, as given
   * @param devFile the held-out file whose figures the model stores, or null
   * @param intendedUse what the model is for and what not, or null for the default text (see
   *     {@link IntendedUse})
   */
  public record Sources(List<String> dataFiles, String devFile, String intendedUse) {
    /**
     * Copies the file list and refuses a blank intended use.
     *
     * @param dataFiles the training files
     * @param devFile the dev file, or null
     * @param intendedUse the intended use, or null
     */
    public Sources {
      dataFiles = List.copyOf(dataFiles);
      if (intendedUse != null && intendedUse.isBlank()) {
        throw new IllegalArgumentException("the intended use must not be blank");
      }
    }
  }

  /**
   * The card of a model trained on {@code dataFiles}, with the default intended use.
   *
   * @param model the trained model
   * @param dataFiles the training files, as given
   * @param crossValidation extra lines describing cross-validated figures, or an empty list
   * @return the card, Markdown
   */
  public static String render(StanceModel model, List<String> dataFiles, List<String> crossValidation) {
    return render(model, new Sources(dataFiles, null, null), crossValidation);
  }

  /**
   * The card of a model.
   *
   * @param model the trained model (its provenance holds data digest, counts, settings, metrics)
   * @param sources the training and dev files and the intended use
   * @param crossValidation extra lines describing cross-validated figures, or an empty list
   */
  public static String render(StanceModel model, Sources sources, List<String> crossValidation) {
    Provenance p = model.provenance();
    StringBuilder sb = new StringBuilder();
    sb.append("# Model card\n\n");
    sb.append("Demarche stance model: ").append(model.mode() == Mode.MULTI_LABEL
        ? "multi-label (one calibrated binary Maxent model per label; `"
            + model.taxonomy().exclusiveLabel().orElse("-") + "` when no other label passes its"
            + " threshold, or when its own passes with the highest score)"
        : "single-label (one multinomial Maxent model)").append(".\n\n");
    sb.append("## Data\n\n");
    sb.append("- training files: ").append(String.join(", ", sources.dataFiles())).append('\n');
    sb.append("- dev file: ").append(sources.devFile() == null ? "none" : sources.devFile())
        .append('\n');
    sb.append("- statements: ").append(p.examples()).append('\n');
    sb.append("- SHA-256 of the examples: `").append(p.dataSha256()).append("`\n");
    sb.append("- taxonomy: `").append(model.taxonomy().name()).append("`\n\n");
    sb.append("| label | statements | threshold |\n|---|---:|---:|\n");
    List<String> outputs = model.outputs();
    for (String label : model.taxonomy().names()) {
      int o = outputs.indexOf(label);
      String threshold = o >= 0 && model.mode() == Mode.MULTI_LABEL
          ? String.format(Locale.ROOT, "%.2f", model.calibration().get(o).threshold()) : "-";
      sb.append("| ").append(label).append(" | ").append(p.labelCounts().getOrDefault(label, 0))
          .append(" | ").append(threshold).append(" |\n");
    }
    sb.append("\n## Settings\n\n");
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(p.hyperparameters()).entrySet()) {
      sb.append("- `").append(e.getKey()).append("` = ").append(e.getValue()).append('\n');
    }
    sb.append("- vocabulary: ").append(model.featureCount()).append(" features\n");
    sb.append("- Demarche ").append(p.libraryVersion()).append(", model format ")
        .append(ModelFile.FORMAT_VERSION).append('\n');
    sb.append("\n## Quality\n\n");
    if (p.metrics().isEmpty() && crossValidation.isEmpty()) {
      sb.append("Not measured at training time: run `demarche eval` on held-out data.\n");
    }
    for (Map.Entry<String, Double> e : new java.util.TreeMap<>(p.metrics()).entrySet()) {
      sb.append(IntendedUse.isCount(e.getKey())
          ? String.format(Locale.ROOT, "- %s: %d%n", e.getKey(), Math.round(e.getValue()))
          : String.format(Locale.ROOT, "- %s: %.4f%n", e.getKey(), e.getValue()));
    }
    for (String line : crossValidation) {
      sb.append("- ").append(line).append('\n');
    }
    sb.append("\n## Intended use and limits\n\n");
    sb.append(IntendedUse.of(model.taxonomy(), sources.intendedUse()));
    sb.append("- A statement's label is what its speaker expresses as reported; the model sees one"
        + " statement at a time and no wider context, so irony, hedged language and"
        + " positions spread over several sentences are often missed.\n");
    sb.append("- Rare labels (few training statements) have the least reliable scores; check the"
        + " per-label figures before relying on one.\n");
    return sb.toString();
  }
}
