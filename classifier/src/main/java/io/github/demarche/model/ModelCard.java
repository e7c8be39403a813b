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
   * The card of a model.
   *
   * @param model the trained model (its provenance holds data digest, counts, settings, metrics)
   * @param dataFiles the training files, as given
   * @param crossValidation extra lines describing cross-validated figures, or an empty list
   */
  public static String render(StanceModel model, List<String> dataFiles, List<String> crossValidation) {
    Provenance p = model.provenance();
    StringBuilder sb = new StringBuilder();
    sb.append("# Model card\n\n");
    sb.append("Demarche stance model: ").append(model.mode() == Mode.MULTI_LABEL
        ? "multi-label (one calibrated binary Maxent model per label; `"
            + model.taxonomy().exclusiveLabel().orElse("-") + "` when no other label passes its"
            + " threshold, or when its own passes with the highest score)"
        : "single-label (one multinomial Maxent model)").append(".\n\n");
    sb.append("## Data\n\n");
    sb.append("- files: ").append(String.join(", ", dataFiles)).append('\n');
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
      sb.append(String.format(Locale.ROOT, "- %s: %.4f%n", e.getKey(), e.getValue()));
    }
    for (String line : crossValidation) {
      sb.append("- ").append(line).append('\n');
    }
    sb.append("\n## Intended use and limits\n\n");
    sb.append("- For: tracking which positions statements in English-language diplomatic and political"
        + " news take, at archive scale, with scores calibrated on held-out folds (a score of 0.8"
        + " should be right about 80% of the time on data like the training data).\n");
    sb.append("- Not for: decisions about individuals, or text unlike the training data (other languages,"
        + " social media, non-political text), where scores are not calibrated.\n");
    sb.append("- A statement's label is what its speaker expresses as reported; the model sees one"
        + " statement at a time and no wider context, so irony, hedged diplomatic language and"
        + " positions spread over several sentences are often missed.\n");
    sb.append("- Rare labels (few training statements) have the least reliable scores; check the"
        + " per-label figures before relying on one.\n");
    return sb.toString();
  }
}
