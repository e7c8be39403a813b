package io.github.demarche.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the format-compatibility fixture: a small model in the current format and the scores it
 * gives a few statements. Run once per new format version (never to "fix" a failing test):
 * {@code java -cp ... io.github.demarche.model.FixtureWriter CORPUS_DIR OUT_DIR}.
 */
public final class FixtureWriter {
  private FixtureWriter() {}

  public static void main(String[] args) throws Exception {
    List<Example> train = Datasets.read(Path.of(args[0], "train.jsonl").toString()).subList(0, 300);
    List<Example> probe = Datasets.read(Path.of(args[0], "dev.jsonl").toString()).subList(0, 20);
    StanceModel model = new Trainer(TrainingConfig.defaults().withCalibrationFolds(3)).train(train);
    Path out = Path.of(args[1]);
    String name = "model-format-v" + ModelFile.FORMAT_VERSION;
    ModelFile.write(model, out.resolve(name + ".dmm"));
    ObjectMapper json = new ObjectMapper();
    ArrayNode rows = json.createArrayNode();
    for (Example e : probe) {
      ObjectNode row = rows.addObject();
      row.put("text", e.text());
      ArrayNode scores = row.putArray("scores");
      for (double s : model.scoreArray(new StanceInput(e.text(), e.target()))) {
        scores.add(s);
      }
    }
    Files.writeString(out.resolve(name + ".scores.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
  }
}
