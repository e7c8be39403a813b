package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.baseline.OpenNlpBaseline;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;

/**
 * What the classification benchmarks and the throughput gate share: the default model, the
 * OpenNLP baseline trained on the same corpus, and the held-out statements both classify.
 * Immutable once built and thread-safe.
 *
 * @param demarche the bundled default model
 * @param baseline the OpenNLP baseline trained on the default model's training split
 * @param statements the dev split's statements
 */
public record Fixtures(StanceModel demarche, OpenNlpBaseline baseline, StanceInput[] statements) {

  /** Loads the default model, trains the baseline (a few seconds) and reads the statements. */
  public static Fixtures load() {
    return new Fixtures(Demarche.defaultModel(), trainBaseline(), statementArray());
  }

  /** The OpenNLP baseline with default parameters, trained on the training split. */
  public static OpenNlpBaseline trainBaseline() {
    return OpenNlpBaseline.train(Corpus.train(), OpenNlpBaseline.Params.defaults());
  }

  /** The dev split's statements. */
  public static StanceInput[] statementArray() {
    return Corpus.statements().toArray(new StanceInput[0]);
  }

  /** A fresh copy of the default model, sharing nothing with {@link Demarche#defaultModel()}. */
  public static StanceModel copyOfDefaultModel() {
    return ModelFile.fromBytes("default model", ModelFile.toBytes(Demarche.defaultModel()));
  }

  /** The mean length of the statements in characters. */
  public double meanLength() {
    long chars = 0;
    for (StanceInput s : statements) {
      chars += s.text().length();
    }
    return (double) chars / statements.length;
  }
}
