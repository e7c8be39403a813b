package io.github.demarche.cli;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Records done, rate and elapsed time on standard error, drawn by the progressbar library, which
 * redraws it on its own thread every half second. Used only when standard error is a terminal.
 * Thread-confined: one run, one caller thread.
 */
final class TerminalProgress implements BatchMixin.Progress {
  private final ProgressBar bar;

  TerminalProgress(String task) {
    this.bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(-1)
        .setUnit(" records", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(500)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .continuousUpdate()
        .build();
  }

  @Override
  public void accept(long done) {
    bar.stepTo(done);
  }

  @Override
  public void close() {
    bar.close();
  }
}
