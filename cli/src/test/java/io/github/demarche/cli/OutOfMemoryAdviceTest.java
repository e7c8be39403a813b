package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The advice after running out of memory names only options the command has. */
class OutOfMemoryAdviceTest {
  @Test
  void outOfMemoryAdviceNamesOnlyOptionsOfTheCommandThatRan() {
    CommandLine cl = new CommandLine(new Main());
    for (String command : cl.getSubcommands().keySet()) {
      String advice = Main.outOfMemoryAdvice(new String[] {command, "x"});
      assertTrue(advice.contains("JAVA_OPTS=-Xmx"), advice);
      Matcher m = Pattern.compile("--[a-z-]+").matcher(advice);
      while (m.find()) {
        assertNotNull(cl.getSubcommands().get(command).getCommandSpec().findOption(m.group()),
            command + " has no " + m.group() + " but the advice names it: " + advice);
      }
    }
    assertTrue(Main.outOfMemoryAdvice(new String[] {"classify"}).contains("--threads"));
    assertTrue(Main.outOfMemoryAdvice(new String[] {}).startsWith("demarche: out of memory"));
  }
}
