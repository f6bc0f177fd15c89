package dev.resltj.trainer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of one part (train, val, test) of a data set, with their labels, listed without
 * decoding anything: from an image folder ({@code PART/<class>/*.png}) or from a list file ({@code
 * relative/path label} per line, ImageNet-LT's format). Entries are in a fixed order (classes, then
 * file names, sorted; a list file's own order), so a split's indices mean the same images on every
 * machine.
 */
public record ImageIndex(List<ImageEntry> entries, List<String> classNames) {
  /** The file name endings read as images. */
  public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

  public ImageIndex {
    entries = List.copyOf(entries);
    classNames = List.copyOf(classNames);
  }

  /**
   * Indexes {@code partDir/<class>/<image>}. The training part names the classes (its sub-folders,
   * sorted); other parts pass them in, and a folder of another name is an error.
   *
   * @throws DataFileException when the folder is missing, holds no class folder, a class has no
   *     image, or (other parts) a class folder is not a training class
   */
  public static ImageIndex folder(Path partDir, Optional<List<String>> knownClasses) {
    if (!Files.isDirectory(partDir)) {
      throw new DataFileException(
          partDir,
          "is not a folder: --dataset folder expects DIR/train/<class>/<image> and"
              + " DIR/test/<class>/<image> (optionally DIR/val/<class>/<image>)");
    }
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(partDir)) {
      classDirs =
          s.filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new DataFileException(partDir, "cannot be listed: " + e.getMessage(), e);
    }
    if (classDirs.isEmpty()) {
      throw new DataFileException(
          partDir, "holds no class folder: put each class's images into a folder named after it");
    }
    List<String> names =
        knownClasses.orElseGet(
            () -> classDirs.stream().map(p -> p.getFileName().toString()).toList());
    Map<String, Integer> index = indexOf(names);
    List<ImageEntry> entries = new ArrayList<>();
    for (Path dir : classDirs) {
      String name = dir.getFileName().toString();
      Integer label = index.get(name);
      if (label == null) {
        throw new DataFileException(
            dir,
            "class '"
                + name
                + "' has no folder in the training images, so the model cannot learn it: the"
                + " classes are "
                + names);
      }
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(ImageIndex::isImageFile).sorted().toList();
      } catch (IOException e) {
        throw new DataFileException(dir, "cannot be listed: " + e.getMessage(), e);
      }
      if (files.isEmpty() && knownClasses.isEmpty()) {
        throw new DataFileException(
            dir,
            "class '"
                + name
                + "' has no training image (."
                + String.join(", .", EXTENSIONS.stream().sorted().toList())
                + "): add images or remove the folder");
      }
      for (Path f : files) {
        entries.add(new ImageEntry(f, label, ""));
      }
    }
    return new ImageIndex(entries, names);
  }

  private static boolean isImageFile(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return !name.startsWith(".")
        && dot > 0
        && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
        && Files.isRegularFile(p);
  }

  /**
   * Reads a list file: one {@code relative/path label} per line (the path may hold spaces: the
   * label is the last field), paths relative to {@code dataDir}, labels {@code 0..n-1}; blank lines
   * and lines starting with {@code #} are skipped. {@code classNames}, when given, fixes the
   * classes; else the training list's largest label does ({@code "0".."n-1"}).
   *
   * @throws DataFileException naming the file and line of a malformed entry, an unknown label, or
   *     (unless {@code bad} skips) a listed file that does not exist
   */
  public static ImageIndex listFile(
      Path list, Path dataDir, Optional<List<String>> classNames, BadImages bad) {
    List<ImageEntry> entries = new ArrayList<>();
    int maxLabel = -1;
    try (BufferedReader in = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String where = list.getFileName() + " line " + number;
        int space = lastWhitespace(t);
        if (space < 0) {
          throw new DataFileException(
              list, "line " + number + ": expected 'relative/path label', got '" + t + "'");
        }
        String path = t.substring(0, space).strip();
        String labelText = t.substring(space + 1);
        int label;
        try {
          label = Integer.parseInt(labelText);
        } catch (NumberFormatException e) {
          throw new DataFileException(
              list,
              "line " + number + ": label '" + labelText + "' is not a class number (0, 1, ...)");
        }
        if (label < 0 || (classNames.isPresent() && label >= classNames.get().size())) {
          throw new DataFileException(
              list,
              "line "
                  + number
                  + ": unknown label "
                  + label
                  + (classNames.isPresent()
                      ? ": the data has "
                          + classNames.get().size()
                          + " classes, 0.."
                          + (classNames.get().size() - 1)
                      : ": labels are 0 or more"));
        }
        Path file = dataDir.resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
          bad.report(
              new DataFileException(
                  list, "line " + number + ": the listed file " + file + " does not exist"));
          continue;
        }
        maxLabel = Math.max(maxLabel, label);
        entries.add(new ImageEntry(file, label, where));
      }
    } catch (IOException e) {
      throw new DataFileException(list, "cannot be read: " + e.getMessage(), e);
    }
    if (entries.isEmpty()) {
      throw new DataFileException(list, "lists no image");
    }
    List<String> names =
        classNames.orElseGet(() -> LabeledImages.indexNames(Math.max(2, maxLabelOrTwo(entries))));
    return new ImageIndex(entries, names);
  }

  private static int maxLabelOrTwo(List<ImageEntry> entries) {
    return entries.stream().mapToInt(ImageEntry::label).max().orElse(1) + 1;
  }

  private static int lastWhitespace(String t) {
    for (int i = t.length() - 1; i >= 0; i--) {
      if (Character.isWhitespace(t.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reads class names, one per line in label order (blank lines are an error: every label needs a
   * name).
   */
  public static List<String> classNamesFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataFileException(file, "cannot be read: " + e.getMessage(), e);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines = lines.subList(0, lines.size() - 1);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        throw new DataFileException(
            file, "line " + (i + 1) + " is empty: class " + i + " needs a name");
      }
    }
    if (lines.size() < 2) {
      throw new DataFileException(
          file, "names " + lines.size() + " class(es); at least 2 are needed");
    }
    return lines.stream().map(String::strip).toList();
  }

  /** Images per class. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (ImageEntry e : entries) {
      counts[e.label()]++;
    }
    return counts;
  }

  /**
   * Checks that every class has a training image.
   *
   * @throws DataFileException naming {@code source} and the first empty class
   */
  public ImageIndex requireEveryClass(String source) {
    requireEveryClass(classCounts(), classNames, source, "training image");
    return this;
  }

  /** These entries without those at {@code drop} positions. */
  ImageIndex without(boolean[] drop) {
    List<ImageEntry> kept = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!drop[i]) {
        kept.add(entries.get(i));
      }
    }
    return new ImageIndex(kept, classNames);
  }

  private static Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }

  /**
   * Fails naming {@code source} and the first class whose count is 0.
   *
   * @param what what each class needs at least one of ("training image")
   */
  static void requireEveryClass(int[] counts, List<String> classNames, String source, String what) {
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        throw new DataFileException(
            source
                + ": class "
                + c
                + " ('"
                + classNames.get(c)
                + "') has no "
                + what
                + "; every class needs at least one");
      }
    }
  }
}
