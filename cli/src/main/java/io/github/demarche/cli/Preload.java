package io.github.demarche.cli;

import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;

/**
 * Start-up work begun before the command line is even parsed: when the arguments name {@code
 * classify} or {@code analyze} with the default model, a background thread loads it (and, for
 * analyze, the bundled actor dictionary) while picocli builds the command and the input is opened,
 * so that the two overlap on a machine with a second core. The loads are the ones the command would
 * make anyway, into the same once-per-process holders, so the command simply finds them done (or
 * waits for them). Failures are left for the command to meet and report. Stateless; call {@link
 * #start} once, from {@code main}.
 */
final class Preload {
  private Preload() {}

  /** Starts the background loads the arguments call for, if any. */
  static void start(String[] args) {
    String command = null;
    String model = "default";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--model") && i + 1 < args.length) {
        model = args[++i];
      } else if (a.startsWith("--model=")) {
        model = a.substring("--model=".length());
      } else if (command == null && !a.startsWith("-")) {
        command = a;
      }
    }
    boolean analyze = "analyze".equals(command);
    if (!(analyze || "classify".equals(command)) || !"default".equals(model)
        || Demarche.class.getResource(Demarche.DEFAULT_MODEL_RESOURCE) == null) {
      return; // (a missing model is left to the command, which explains it)
    }
    Thread t = new Thread(() -> {
      try {
        Demarche.defaultModel();
        if (analyze) {
          ActorDictionary.defaults();
        }
      } catch (RuntimeException | Error e) {
        // the command loads the same things and reports what went wrong
      }
    }, "demarche-preload");
    t.setDaemon(true);
    t.start();
  }
}
