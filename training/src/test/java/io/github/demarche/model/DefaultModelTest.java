package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import io.github.demarche.Demarche;
import io.github.demarche.data.Example;
import io.github.demarche.testing.Corpus;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.io.InputStream;
import java.util.ArrayList;
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
    // trained on all the labelled statements, train then dev, as the README's command does
    List<Example> all = new ArrayList<>(Corpus.trainExamples());
    all.addAll(Corpus.devExamples());
    byte[] rebuilt = ModelFile.toBytes(new Trainer(TrainingConfig.defaults()).train(all));
    assertEquals(
        Hashing.sha256().hashBytes(rebuilt).toString(),
        Hashing.sha256().hashBytes(bundled).toString(),
        "the bundled default model differs from a fresh training run; rebuild it with the"
            + " command in the README (Default model)");
  }
}
