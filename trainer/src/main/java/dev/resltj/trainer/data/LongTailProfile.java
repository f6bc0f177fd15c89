package dev.resltj.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How many images of each class a long-tailed training set keeps, given a balanced one. Written on
 * the command line and in {@code split.json} in its {@link #cliForm() CLI form}:
 *
 * <ul>
 *   <li>{@code mnist-lt}: the MNIST reference split, exactly {@link MnistLt#COUNTS} (the default);
 *   <li>{@code pareto} or {@code pareto:SHAPE}: Pareto keep fractions shuffled over the classes;
 *   <li>{@code exp:IF}: exponential decay with imbalance factor IF, class 0 largest (CIFAR-LT);
 *   <li>{@code counts:N0,N1,...}: an explicit count per class;
 *   <li>{@code full}: every image (the balanced set itself);
 *   <li>{@code as-is}: every image of a data set that is long-tailed already (the default for image
 *       folders and list files).
 * </ul>
 */
public sealed interface LongTailProfile
    permits LongTailProfile.MnistLt,
        LongTailProfile.Pareto,
        LongTailProfile.Exponential,
        LongTailProfile.Counts,
        LongTailProfile.Full,
        LongTailProfile.AsIs {

  /** What the command line and {@code split.json} say, parsed back by {@link #parse}. */
  String cliForm();

  /**
   * Images to keep per class.
   *
   * @param available images per class in the balanced set
   * @param rng the split's generator (consumed only by profiles that shuffle)
   * @throws IllegalArgumentException when the profile does not fit the data set (class count)
   */
  int[] classCounts(int[] available, Random rng);

  String SYNTAX =
      "mnist-lt, pareto[:SHAPE], exp:IMBALANCE (e.g. exp:100), counts:N0,N1,..., full or as-is";

  /**
   * Parses the CLI form.
   *
   * @throws IllegalArgumentException with a message that shows the accepted forms
   */
  static LongTailProfile parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("long-tail profile is empty: expected " + SYNTAX);
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    int colon = t.indexOf(':');
    String kind = colon < 0 ? t : t.substring(0, colon);
    String arg = colon < 0 ? null : t.substring(colon + 1).strip();
    switch (kind) {
      case "mnist-lt":
      case "full":
      case "as-is":
        if (arg != null) {
          throw new IllegalArgumentException("'" + kind + "' takes no value, got '" + text + "'");
        }
        return switch (kind) {
          case "full" -> new Full();
          case "as-is" -> new AsIs();
          default -> new MnistLt();
        };
      case "pareto":
        return new Pareto(arg == null ? Pareto.REFERENCE_SHAPE : number(text, arg, "a shape"));
      case "exp":
        if (arg == null) {
          throw new IllegalArgumentException(
              "'exp' needs an imbalance factor, e.g. exp:100 (largest class / smallest class)");
        }
        return new Exponential(number(text, arg, "an imbalance factor"));
      case "counts":
        if (arg == null || arg.isEmpty()) {
          throw new IllegalArgumentException(
              "'counts' needs one count per class, e.g. counts:42,125,187,...");
        }
        List<Integer> counts = new ArrayList<>();
        for (String part : arg.split(",", -1)) {
          try {
            counts.add(Integer.parseInt(part.strip()));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "'" + text + "': '" + part.strip() + "' is not a whole number of images");
          }
        }
        return new Counts(counts);
      default:
        throw new IllegalArgumentException(
            "unknown long-tail profile '" + text + "': expected " + SYNTAX);
    }
  }

  private static double number(String text, String arg, String what) {
    try {
      double v = Double.parseDouble(arg);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole argument
    }
    throw new IllegalArgumentException("'" + text + "': '" + arg + "' is not " + what);
  }

  /** The MNIST-LT split of the reference re-implementation: 11,154 images, imbalance 211. */
  record MnistLt() implements LongTailProfile {
    public static final List<Integer> COUNTS =
        List.of(42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67);

    @Override
    public String cliForm() {
      return "mnist-lt";
    }

    @Override
    public int[] classCounts(int[] available, Random rng) {
      return new Counts(COUNTS).classCounts(available, rng);
    }
  }

  /**
   * Keep fractions from the Pareto pdf (shape {@code b}) at C evenly spaced points from its 1% to
   * its 99% quantile, divided by their maximum and assigned to the classes by a seeded shuffle;
   * class c keeps {@code floor(n_c * fraction)}. Shape 6 is the reference's MNIST-LT recipe.
   */
  record Pareto(double shape) implements LongTailProfile {
    public static final double REFERENCE_SHAPE = 6;

    public Pareto {
      if (!(shape > 0) || !Double.isFinite(shape)) {
        throw new IllegalArgumentException("Pareto shape must be positive, got " + shape);
      }
    }

    @Override
    public String cliForm() {
      return shape == REFERENCE_SHAPE ? "pareto" : "pareto:" + plain(shape);
    }

    /**
     * Keep fractions, largest first: {@code pdf(x_i) / pdf(x_0)} for the evenly spaced {@code x_i}.
     */
    public double[] fractions(int numClasses) {
      // scipy's pareto(b): pdf(x) = b / x^(b+1) on x >= 1, ppf(q) = (1 - q)^(-1/b)
      double lo = Math.pow(1 - 0.01, -1 / shape);
      double hi = Math.pow(1 - 0.99, -1 / shape);
      double[] f = new double[numClasses];
      for (int i = 0; i < numClasses; i++) {
        double x = lo + (hi - lo) * i / (numClasses - 1);
        f[i] = Math.pow(lo / x, shape + 1);
      }
      return f;
    }

    @Override
    public int[] classCounts(int[] available, Random rng) {
      int c = available.length;
      int[] rank = new int[c];
      for (int i = 0; i < c; i++) {
        rank[i] = i;
      }
      for (int i = c - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = rank[i];
        rank[i] = rank[j];
        rank[j] = tmp;
      }
      return countsForRanks(available, rank);
    }

    /** Class {@code c} gets the {@code rank[c]}-th largest fraction. */
    int[] countsForRanks(int[] available, int[] rank) {
      double[] f = fractions(available.length);
      int[] out = new int[available.length];
      for (int c = 0; c < available.length; c++) {
        out[c] = (int) Math.floor(available[c] * f[rank[c]]);
      }
      return out;
    }
  }

  /**
   * CIFAR-LT's exponential profile: {@code n_i = floor(n_max * (1/IF)^(i/(C-1)))}, class 0 largest.
   * {@code n_max} is the smallest class's size, so every class can supply its count without
   * replacement (for CIFAR, where every class has 5,000, that is the usual n_max).
   */
  record Exponential(double imbalanceFactor) implements LongTailProfile {
    public Exponential {
      if (!(imbalanceFactor >= 1) || !Double.isFinite(imbalanceFactor)) {
        throw new IllegalArgumentException(
            "imbalance factor must be at least 1 (largest / smallest class), got "
                + imbalanceFactor);
      }
    }

    @Override
    public String cliForm() {
      return "exp:" + plain(imbalanceFactor);
    }

    /** The counts for {@code numClasses} classes starting at {@code nMax}. */
    public int[] counts(int nMax, int numClasses) {
      int[] out = new int[numClasses];
      for (int i = 0; i < numClasses; i++) {
        out[i] = (int) Math.floor(nMax * Math.pow(1 / imbalanceFactor, i / (numClasses - 1.0)));
      }
      return out;
    }

    @Override
    public int[] classCounts(int[] available, Random rng) {
      int nMax = Integer.MAX_VALUE;
      for (int n : available) {
        nMax = Math.min(nMax, n);
      }
      return counts(nMax, available.length);
    }
  }

  /** An explicit number of images per class. */
  record Counts(List<Integer> counts) implements LongTailProfile {
    public Counts {
      if (counts == null || counts.size() < 2) {
        throw new IllegalArgumentException("need a count for each of at least 2 classes");
      }
      for (int c = 0; c < counts.size(); c++) {
        if (counts.get(c) == null || counts.get(c) < 0) {
          throw new IllegalArgumentException(
              "count of class " + c + " must be >= 0, got " + counts.get(c));
        }
      }
      counts = List.copyOf(counts);
    }

    @Override
    public String cliForm() {
      StringBuilder s = new StringBuilder("counts:");
      for (int i = 0; i < counts.size(); i++) {
        s.append(i == 0 ? "" : ",").append(counts.get(i));
      }
      return s.toString();
    }

    @Override
    public int[] classCounts(int[] available, Random rng) {
      if (counts.size() != available.length) {
        throw new IllegalArgumentException(
            "the profile gives "
                + counts.size()
                + " counts but the data set has "
                + available.length
                + " classes");
      }
      return counts.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Every image: the balanced set unchanged (a reference point for the long-tailed runs). */
  record Full() implements LongTailProfile {
    @Override
    public String cliForm() {
      return "full";
    }

    @Override
    public int[] classCounts(int[] available, Random rng) {
      return available.clone();
    }
  }

  /**
   * Every image, as the data comes: for image folders and list files, which are usually long-tailed
   * already. Unlike {@code full} it leaves no image unused, so the validation set is a fraction of
   * each training class (or the data's own validation images).
   */
  record AsIs() implements LongTailProfile {
    @Override
    public String cliForm() {
      return "as-is";
    }

    @Override
    public int[] classCounts(int[] available, Random rng) {
      return available.clone();
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
