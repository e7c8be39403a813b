package io.github.demarche;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.model.ModelFormatException;
import org.junit.jupiter.api.Test;

/** Pins what the entry point says when the default model is not on the class path. */
class DemarcheTest {

  @Test
  void missingDefaultModelNamesACommandThatExists() {
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> Demarche.loadResource("/io/github/demarche/model/no-such-model.dmm"));
    String message = e.getMessage();
    assertTrue(message.contains("/io/github/demarche/model/no-such-model.dmm"), message);
    assertTrue(message.contains("./demarche train --data data/diplomatic-statements/train.jsonl"),
        message);
    assertTrue(message.contains(
        "--out classifier/src/main/resources/io/github/demarche/model/no-such-model.dmm"), message);
    assertFalse(message.contains("build-default"), message);
    assertFalse(message.contains("\n"), message);
  }
}
