package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import io.github.demarche.Demarche;
import io.github.demarche.data.Example;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.testing.Corpus;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled default model must be exactly what the bundled corpus and seed produce. */
class DefaultModelTest {

  @Test
  void bundledModelIsReproducibleFromBundledCorpus() throws Exception {
    byte[] bundled;
    try (InputStream in = Demarche.class.getResourceAsStream(Demarche.DEFAULT_MODEL_RESOURCE)) {
      bundled = in.readAllBytes();
    }
    List<Example> train = Corpus.trainExamples();
    StanceModel model = new Trainer(TrainingConfig.defaults()).train(train);
    // the same figures `demarche train --dev` stores
    Evaluation dev = new Evaluator().evaluate(model, Corpus.devExamples());
    byte[] rebuilt = ModelFile.toBytes(
        model.withProvenance(model.provenance().withMetrics(dev.headline("dev"))));
    assertEquals(
        Hashing.sha256().hashBytes(rebuilt).toString(),
        Hashing.sha256().hashBytes(bundled).toString(),
        "the bundled default model differs from a fresh training run; rebuild it with the"
            + " command in the README (Default model)");
  }
}
