package dev.resltj.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

class CliRunnerTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @Command(name = "tool", subcommands = Failing.class)
  static final class Tool {}

  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    @Parameters List<String> files;

    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
      throw new IllegalStateException("the disk is full");
    }
  }

  @Test
  void failurePrintsItsMessageWithoutAStackTrace() {
    int code = run("fail");

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).isEqualToIgnoringNewLines("error: the disk is full");
  }

  @Test
  void verboseOnTheSubcommandAddsTheStackTrace() {
    int code = run("fail", "--verbose");

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString())
        .startsWith("error: the disk is full")
        .contains("IllegalStateException")
        .contains("at dev.resltj.trainer.cli.CliRunnerTest$Failing.call");
  }

  @Test
  void aFileNamedVerboseDoesNotAskForTheStackTrace() {
    int code = run("fail", "--", "--verbose");

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).doesNotContain("IllegalStateException");
  }

  private int run(String... args) {
    return CliRunner.run(new Tool(), new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
