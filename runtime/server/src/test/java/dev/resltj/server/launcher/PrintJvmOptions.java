package dev.resltj.server.launcher;

import java.lang.management.ManagementFactory;

/** Stands in for the server in {@link LauncherTest}: prints the JVM options it was started with. */
public final class PrintJvmOptions {
  private PrintJvmOptions() {}

  public static void main(String[] args) {
    ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
  }
}
