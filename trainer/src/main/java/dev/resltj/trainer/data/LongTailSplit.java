package dev.resltj.trainer.data;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A long-tailed training set chosen from a balanced one: the {@link LongTailProfile} decides how
 * many images each class keeps, a seeded generator decides which. The same data, profile, seed and
 * drawing give the same indices on every machine ({@link Random}'s algorithm is fixed by its
 * specification). Saved as {@code split.json} so that several methods can train on the very same
 * images.
 *
 * <p>A balanced validation set is drawn with the same seed from the images the profile did not
 * take, so that every choice a run makes (its best epoch, a method, alpha) is made without looking
 * at the test set. A profile that takes every image ({@code as-is}, {@code full}) holds a fraction
 * of each training class out instead; data with its own validation images draws none.
 */
public final class LongTailSplit {
  /** Validation images per class when none is asked for: enough to rank epochs, cheap to score. */
  public static final int DEFAULT_VALIDATION_PER_CLASS = 50;

  /** Keeps the validation draw apart from the training draw of the same seed. */
  private static final long VALIDATION_STREAM = 0x7A11DA7E5EEDL;

  private final LongTailProfile profile;
  private final long seed;
  private final boolean withReplacement;
  private final int[] classCounts;
  private final ClassGroups groups;
  private final int[] indices;
  private final int validationPerClass;
  private final int[] validationIndices;
  private final ValidationSource validationSource;
  private final double validationFraction;

  private LongTailSplit(
      LongTailProfile profile,
      long seed,
      boolean withReplacement,
      int[] classCounts,
      ClassGroups groups,
      int[] indices,
      int validationPerClass,
      int[] validationIndices,
      ValidationSource validationSource,
      double validationFraction) {
    this.profile = profile;
    this.seed = seed;
    this.withReplacement = withReplacement;
    this.classCounts = classCounts;
    this.groups = groups;
    this.indices = indices;
    this.validationPerClass = validationPerClass;
    this.validationIndices = validationIndices;
    this.validationSource = validationSource;
    this.validationFraction = validationFraction;
  }

  /**
   * {@link #draw(ImageSet, LongTailProfile, long, boolean, GroupThresholds, int)} with the default
   * validation set.
   */
  public static LongTailSplit draw(
      ImageSet balanced,
      LongTailProfile profile,
      long seed,
      boolean withReplacement,
      GroupThresholds thresholds) {
    return draw(balanced, profile, seed, withReplacement, thresholds, DEFAULT_VALIDATION_PER_CLASS);
  }

  /**
   * Draws the split: per class in label order, {@code classCounts[c]} images of that class, without
   * replacement (a partial shuffle) or with replacement (uniform draws, as the reference did); then
   * up to {@code validationPerClass} images of each class from those not taken (see {@link
   * #lendToValidation} for a class the profile takes whole).
   *
   * @throws IllegalArgumentException when the profile asks a class for more images than it has
   *     without replacement, or does not fit the number of classes
   */
  public static LongTailSplit draw(
      ImageSet balanced,
      LongTailProfile profile,
      long seed,
      boolean withReplacement,
      GroupThresholds thresholds,
      int validationPerClass) {
    return draw(
        balanced,
        profile,
        seed,
        withReplacement,
        thresholds,
        ValidationChoice.unused(validationPerClass));
  }

  /**
   * Draws the split as above; {@code validation} says where its validation images come from: when
   * the profile leaves no image unused, the last {@code round(fraction * n_c)} images drawn for
   * each class {@code c} are held out instead; given validation images draw none.
   */
  public static LongTailSplit draw(
      ImageSet balanced,
      LongTailProfile profile,
      long seed,
      boolean withReplacement,
      GroupThresholds thresholds,
      ValidationChoice validation) {
    int validationPerClass = validation.perClass();
    Random rng = new Random(seed);
    int[] available = balanced.classCounts();
    int[] counts = profile.classCounts(available, rng);
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > available[c] && (!withReplacement || available[c] == 0)) {
        throw new IllegalArgumentException(
            "profile "
                + profile.cliForm()
                + " asks class "
                + c
                + " for "
                + counts[c]
                + " images but the training set has "
                + available[c]
                + (available[c] == 0 ? "" : ": lower the count or draw with replacement"));
      }
    }
    List<List<Integer>> perClass = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      int[] pool = balanced.indicesOfClasses(List.of(c));
      List<Integer> picked = new ArrayList<>(counts[c]);
      if (withReplacement) {
        for (int i = 0; i < counts[c]; i++) {
          picked.add(pool[rng.nextInt(pool.length)]);
        }
      } else {
        for (int i = 0; i < counts[c]; i++) {
          int j = i + rng.nextInt(pool.length - i);
          int tmp = pool[i];
          pool[i] = pool[j];
          pool[j] = tmp;
          picked.add(pool[i]);
        }
      }
      perClass.add(picked);
    }
    int spare = 0;
    for (int c = 0; c < counts.length; c++) {
      spare += Math.max(0, available[c] - counts[c]);
    }
    ValidationSource source =
        validation.given()
            ? ValidationSource.GIVEN
            : spare > 0 || withReplacement ? ValidationSource.UNUSED : ValidationSource.FRACTION;
    int[] held = new int[0];
    if (source == ValidationSource.UNUSED && !withReplacement) {
      lendToValidation(balanced, perClass, counts, validationPerClass);
    } else if (source == ValidationSource.FRACTION) {
      held = holdOut(perClass, counts, validation.fraction());
    }
    int[] chosen = perClass.stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
    Arrays.sort(chosen);
    int[] validationIndices =
        switch (source) {
          case UNUSED -> drawValidation(balanced, chosen, seed, validationPerClass);
          case FRACTION -> held;
          case GIVEN -> new int[0];
        };
    return new LongTailSplit(
        profile,
        seed,
        withReplacement,
        counts,
        ClassGroups.fromCounts(counts, thresholds),
        chosen,
        source == ValidationSource.UNUSED ? validationPerClass : 0,
        validationIndices,
        source,
        source == ValidationSource.FRACTION ? validation.fraction() : 0);
  }

  /**
   * Moves the last {@code round(fraction * n_c)} images drawn for each class out of training; a
   * class keeps at least one training image.
   *
   * @return the held-out images, ascending
   */
  private static int[] holdOut(List<List<Integer>> perClass, int[] counts, double fraction) {
    List<Integer> held = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      List<Integer> picked = perClass.get(c);
      int n = (int) Math.min(Math.round(fraction * picked.size()), picked.size() - 1L);
      if (n > 0) {
        List<Integer> tail = picked.subList(picked.size() - n, picked.size());
        held.addAll(tail);
        tail.clear();
        counts[c] -= n;
      }
    }
    return held.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * A class that the profile takes (nearly) whole, as {@code mnist-lt} takes every image of digit
   * 6, would have no validation images; when it keeps at least ten times the validation count, the
   * last images drawn for its training give the validation set what its spare images cannot. Tail
   * and medium classes never lend: their few images are what the method is about.
   */
  private static void lendToValidation(
      ImageSet balanced, List<List<Integer>> perClass, int[] counts, int validationPerClass) {
    int[] available = balanced.classCounts();
    for (int c = 0; c < counts.length; c++) {
      int shortfall = validationPerClass - (available[c] - counts[c]);
      if (shortfall > 0 && counts[c] >= 10 * validationPerClass) {
        List<Integer> picked = perClass.get(c);
        picked.subList(picked.size() - shortfall, picked.size()).clear();
        counts[c] -= shortfall;
      }
    }
  }

  /** Up to {@code perClass} images of each class that {@code taken} does not hold, ascending. */
  private static int[] drawValidation(ImageSet balanced, int[] taken, long seed, int perClass) {
    Random rng = new Random(seed ^ VALIDATION_STREAM);
    boolean[] used = new boolean[balanced.size()];
    for (int i : taken) {
      used[i] = true;
    }
    List<Integer> chosen = new ArrayList<>();
    for (int c = 0; c < balanced.numClasses(); c++) {
      int[] pool =
          Arrays.stream(balanced.indicesOfClasses(List.of(c))).filter(i -> !used[i]).toArray();
      int n = Math.min(perClass, pool.length);
      for (int i = 0; i < n; i++) {
        int j = i + rng.nextInt(pool.length - i);
        int tmp = pool[i];
        pool[i] = pool[j];
        pool[j] = tmp;
        chosen.add(pool[i]);
      }
    }
    return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * Reads a {@code split.json} and checks it against the balanced training set it was drawn from.
   *
   * @throws DataFileException naming the file and the first inconsistency
   */
  public static LongTailSplit read(Path file, ImageSet balanced) {
    SplitRecord r;
    try {
      r = JsonFiles.read(file, SplitRecord.class);
    } catch (IOException e) {
      throw new DataFileException(file, "cannot be read as a split: " + e.getMessage(), e);
    }
    if (r == null) {
      throw new DataFileException(file, "is empty");
    }
    if (r.profile() == null
        || r.classCounts() == null
        || r.thresholds() == null
        || r.indices() == null) {
      throw new DataFileException(
          file, "is not a split file: profile, classCounts, thresholds and indices are required");
    }
    LongTailProfile profile;
    ClassGroups groups;
    try {
      profile = LongTailProfile.parse(r.profile());
      groups = new ClassGroups(r.thresholds(), r.classCounts());
    } catch (IllegalArgumentException e) {
      throw new DataFileException(file, e.getMessage(), e);
    }
    if (groups.numClasses() != balanced.numClasses()) {
      throw new DataFileException(
          file,
          "has counts for "
              + groups.numClasses()
              + " classes but the training set has "
              + balanced.numClasses());
    }
    int[] indices = new int[r.indices().size()];
    int[] seen = new int[balanced.numClasses()];
    boolean[] used = new boolean[balanced.size()];
    for (int i = 0; i < indices.length; i++) {
      Integer index = r.indices().get(i);
      if (index == null || index < 0 || index >= balanced.size()) {
        throw new DataFileException(
            file,
            "index "
                + index
                + " at position "
                + i
                + " is outside the training set (0.."
                + (balanced.size() - 1)
                + "): the split was made for other data");
      }
      if (!r.withReplacement() && used[index]) {
        throw new DataFileException(
            file,
            "index " + index + " appears twice although the split says withReplacement false");
      }
      used[index] = true;
      indices[i] = index;
      seen[balanced.label(index)]++;
    }
    for (int c = 0; c < seen.length; c++) {
      if (seen[c] != r.classCounts().get(c)) {
        throw new DataFileException(
            file,
            "its indices hold "
                + seen[c]
                + " images of class "
                + c
                + " but classCounts says "
                + r.classCounts().get(c)
                + ": the split was made for other data or was edited");
      }
    }
    if (r.groups() != null && !groupsOf(groups).equals(r.groups())) {
      throw new DataFileException(
          file,
          "its groups "
              + r.groups()
              + " do not follow from classCounts and thresholds "
              + r.thresholds()
              + " (expected "
              + groupsOf(groups)
              + ")");
    }
    int[] counts = r.classCounts().stream().mapToInt(Integer::intValue).toArray();
    int perClass;
    int[] validation;
    if (r.validationIndices() == null) {
      // a split written before validation sets: draw one now, the same every time it is read
      perClass = DEFAULT_VALIDATION_PER_CLASS;
      validation = drawValidation(balanced, indices, r.seed(), perClass);
    } else {
      perClass = r.validationPerClass();
      validation = new int[r.validationIndices().size()];
      for (int i = 0; i < validation.length; i++) {
        Integer index = r.validationIndices().get(i);
        if (index == null || index < 0 || index >= balanced.size()) {
          throw new DataFileException(
              file,
              "validation index "
                  + index
                  + " at position "
                  + i
                  + " is outside the training set (0.."
                  + (balanced.size() - 1)
                  + ")");
        }
        if (used[index]) {
          throw new DataFileException(
              file,
              "validation index "
                  + index
                  + " is also a training image: validation must be images the model never"
                  + " trains on");
        }
        validation[i] = index;
      }
    }
    ValidationSource source =
        r.validationSource() == null ? ValidationSource.UNUSED : r.validationSource();
    return new LongTailSplit(
        profile,
        r.seed(),
        r.withReplacement(),
        counts,
        groups,
        indices,
        perClass,
        validation,
        source,
        r.validationFraction());
  }

  /** Writes {@code split.json} atomically. */
  public void write(Path file) throws IOException {
    JsonFiles.write(file, toRecord());
  }

  /** The file's content. */
  public SplitRecord toRecord() {
    List<Integer> counts = new ArrayList<>(classCounts.length);
    for (int n : classCounts) {
      counts.add(n);
    }
    List<Integer> idx = new ArrayList<>(indices.length);
    for (int i : indices) {
      idx.add(i);
    }
    List<Integer> validation = Arrays.stream(validationIndices).boxed().toList();
    return new SplitRecord(
        profile.cliForm(),
        seed,
        withReplacement,
        counts,
        groups.thresholds(),
        groupsOf(groups),
        idx,
        validationPerClass,
        validation,
        validationSource,
        validationFraction);
  }

  /** The chosen images, in index order. */
  public ImageSet apply(ImageSet balanced) {
    return balanced.select(indices);
  }

  /** The chosen images of an in-memory set, in index order. */
  public LabeledImages apply(LabeledImages balanced) {
    return balanced.select(indices);
  }

  /** The validation images of an in-memory set, in index order. */
  public LabeledImages validation(LabeledImages balanced) {
    return balanced.select(validationIndices);
  }

  /** The validation images, in index order. */
  public ImageSet validation(ImageSet balanced) {
    return balanced.select(validationIndices);
  }

  /** Positions of the validation images in the balanced training set, ascending. */
  public int[] validationIndices() {
    return validationIndices.clone();
  }

  /**
   * The same images grouped by other thresholds (for example after {@code --tail-max} on a reused
   * split).
   */
  public LongTailSplit withThresholds(GroupThresholds thresholds) {
    return new LongTailSplit(
        profile,
        seed,
        withReplacement,
        classCounts,
        ClassGroups.fromCounts(classCounts, thresholds),
        indices,
        validationPerClass,
        validationIndices,
        validationSource,
        validationFraction);
  }

  /** Where the validation images come from. */
  public ValidationSource validationSource() {
    return validationSource;
  }

  public LongTailProfile profile() {
    return profile;
  }

  public long seed() {
    return seed;
  }

  public boolean withReplacement() {
    return withReplacement;
  }

  /** Images per class in the split. */
  public int[] classCounts() {
    return classCounts.clone();
  }

  public ClassGroups groups() {
    return groups;
  }

  /** Positions in the balanced training set, ascending. */
  public int[] indices() {
    return indices.clone();
  }

  public int size() {
    return indices.length;
  }

  /** Largest class count over smallest (infinite when a class is empty). */
  public double imbalance() {
    int max = Arrays.stream(classCounts).max().orElse(0);
    int min = Arrays.stream(classCounts).min().orElse(0);
    return min == 0 ? Double.POSITIVE_INFINITY : (double) max / min;
  }

  private static SplitRecord.Groups groupsOf(ClassGroups groups) {
    return new SplitRecord.Groups(
        groups.classesIn(ClassGroup.HEAD),
        groups.classesIn(ClassGroup.MEDIUM),
        groups.classesIn(ClassGroup.TAIL));
  }

  @Override
  public String toString() {
    return "LongTailSplit["
        + profile.cliForm()
        + ", seed "
        + seed
        + (withReplacement ? ", with replacement" : "")
        + ", "
        + size()
        + " images, counts "
        + Arrays.toString(classCounts)
        + ", "
        + validationIndices.length
        + " validation images]";
  }
}
