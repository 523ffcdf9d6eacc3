package io.apistage.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Runs every benchmark of this package that is present, one after the other in this JVM, so the
 * README needs one command. Benchmarks are found by name, so one added later is picked up without
 * editing this class; a name given as an argument (e.g. {@code ValidateBenchmark}) runs only that
 * one, and {@code none} runs none (for {@code ValidateProcessBenchmark} alone, in the package
 * phase).
 */
public final class Benchmarks {

  static final List<String> ALL =
      List.of(
          "ValidateBenchmark",
          "CheckVersionsBenchmark",
          "DiffBenchmark",
          "PromoteBenchmark",
          "ArchiveBenchmark",
          "OpenApiBenchmark",
          "GatewayBenchmark",
          "NotifyBenchmark");

  private Benchmarks() {}

  /** Runs the benchmarks named in {@code args}, or all present. */
  public static void main(String[] args) throws Throwable {
    // Maven passes an empty argument when apistage.bench.only is not set.
    List<String> named = Arrays.stream(args).filter(a -> !a.isBlank()).toList();
    if (named.equals(List.of("none"))) {
      System.out.println("no benchmark in this JVM (apistage.bench.only=none)");
      return;
    }
    List<String> wanted = named.isEmpty() ? ALL : named;
    int ran = 0;
    for (String name : wanted) {
      if (!ALL.contains(name)) {
        throw new IllegalArgumentException(
            "unknown benchmark '" + name + "'; the benchmarks are " + ALL);
      }
      Class<?> type;
      try {
        type = Class.forName(Benchmarks.class.getPackageName() + "." + name);
      } catch (ClassNotFoundException e) {
        if (!named.isEmpty()) {
          throw new IllegalArgumentException("benchmark " + name + " is not in this build", e);
        }
        continue;
      }
      Method main = type.getMethod("main", String[].class);
      try {
        main.invoke(null, (Object) new String[0]);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      System.out.println();
      ran++;
    }
    System.out.println("ran " + ran + " benchmark" + (ran == 1 ? "" : "s"));
  }
}
