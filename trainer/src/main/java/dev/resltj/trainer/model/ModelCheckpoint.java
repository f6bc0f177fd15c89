package dev.resltj.trainer.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.resltj.trainer.storage.AtomicFiles;
import dev.resltj.trainer.storage.Folders;
import dev.resltj.trainer.storage.JsonFiles;
import dev.resltj.trainer.storage.RunFolderLayout;
import dev.resltj.trainer.storage.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A trained network on disk: a folder with {@code network.json} (the {@link NetworkSpec}), {@code
 * parameters.bin} (DJL's {@code Block.saveParameters} format), {@code checkpoint.json} (size and
 * SHA-256 of the parameters, so truncation and corruption are told apart from a wrong network) and
 * any extra JSON files the caller adds (the trainer's {@code state.json}).
 *
 * <p>A save never leaves half a checkpoint: the files are written into a hidden sibling folder,
 * forced to disk, and the folder is renamed into place. Replacing an existing checkpoint moves the
 * old one aside first; if the process dies between the two renames, {@link #load} finds the
 * complete previous checkpoint aside and uses it.
 */
public final class ModelCheckpoint {
  public static final String NETWORK_FILE = "network.json";
  public static final String PARAMETERS_FILE = "parameters.bin";
  public static final String MANIFEST_FILE = "checkpoint.json";

  private static final int FORMAT = 1;
  private static final Set<String> OWN_FILES = Set.of(NETWORK_FILE, PARAMETERS_FILE, MANIFEST_FILE);
  private static final Pattern EXTRA_FILE_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

  private ModelCheckpoint() {}

  /** What {@code checkpoint.json} records about the parameters file. */
  public record Manifest(int format, long parametersBytes, String parametersSha256) {
    public Manifest {
      if (format != FORMAT) {
        throw new IllegalArgumentException(
            "checkpoint format " + format + " is not supported (expected " + FORMAT + ")");
      }
      if (parametersBytes < 0 || parametersSha256 == null || parametersSha256.length() != 64) {
        throw new IllegalArgumentException(
            "invalid manifest: " + parametersBytes + " bytes, sha256 " + parametersSha256);
      }
    }
  }

  /**
   * Saves {@code spec} and the parameters of {@code block} as the checkpoint folder {@code dir}.
   */
  public static void save(Path dir, NetworkSpec spec, Block block) throws IOException {
    save(dir, spec, block, Map.of());
  }

  /**
   * Saves as {@link #save(Path, NetworkSpec, Block)} and writes each value of {@code
   * extraJsonFiles} (for example the training state) as JSON under its key, inside the same atomic
   * swap.
   */
  public static void save(Path dir, NetworkSpec spec, Block block, Map<String, ?> extraJsonFiles)
      throws IOException {
    if (block instanceof NetworkBlock network && !network.spec().equals(spec)) {
      throw new IllegalArgumentException(
          "the block was built from another spec than the one saved");
    }
    extraJsonFiles.keySet().forEach(ModelCheckpoint::checkExtraFileName);
    Path target = dir.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path staging = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.createDirectory(staging);
    try {
      byte[] parameters = serialise(block);
      AtomicFiles.write(staging.resolve(PARAMETERS_FILE), parameters);
      JsonFiles.write(staging.resolve(NETWORK_FILE), spec);
      for (Map.Entry<String, ?> extra : extraJsonFiles.entrySet()) {
        JsonFiles.write(staging.resolve(extra.getKey()), extra.getValue());
      }
      // the manifest last: a staging folder without it was never complete
      JsonFiles.write(
          staging.resolve(MANIFEST_FILE),
          new Manifest(FORMAT, parameters.length, Sha256.of(parameters)));
      swapInto(staging, target);
    } finally {
      Folders.deleteTree(staging);
    }
  }

  /**
   * The checkpoint folder a user means by {@code dir}: {@code dir} itself when it holds a {@code
   * network.json}, its {@code checkpoint/} folder when it is a run folder, else {@code dir} (so
   * {@link #load} reports what is missing there).
   */
  public static Path locate(Path dir) {
    if (!Files.exists(dir.resolve(NETWORK_FILE))
        && Files.isDirectory(dir.resolve(RunFolderLayout.CHECKPOINT_DIR))) {
      return dir.resolve(RunFolderLayout.CHECKPOINT_DIR);
    }
    return dir;
  }

  /**
   * The model a user means by {@code dir}: {@code dir} itself when it holds a {@code network.json};
   * for a run folder the epoch it chose ({@code best/}), or its last checkpoint when it chose none
   * (a run from before validation sets).
   */
  public static Path locateModel(Path dir) {
    if (!Files.exists(dir.resolve(NETWORK_FILE))
        && Files.exists(dir.resolve(RunFolderLayout.BEST_DIR).resolve(NETWORK_FILE))) {
      return dir.resolve(RunFolderLayout.BEST_DIR);
    }
    return locate(dir);
  }

  /** Reads only the network spec of a checkpoint. */
  public static NetworkSpec readSpec(Path dir) throws CheckpointException {
    Path folder = existingFolder(dir);
    return readNetwork(folder);
  }

  /**
   * Rebuilds the network of checkpoint {@code dir} with its trained parameters on {@code manager}.
   * Every problem a user can cause (missing folder or file, truncated or corrupt file, parameters
   * of another network) is a {@link CheckpointException} whose message names the file.
   */
  public static NetworkBlock load(Path dir, NDManager manager) throws CheckpointException {
    Path folder = existingFolder(dir);
    NetworkSpec spec = readNetwork(folder);
    Path parametersFile = folder.resolve(PARAMETERS_FILE);
    byte[] parameters = readBytes(parametersFile);
    checkManifest(folder, parametersFile, parameters);

    NetworkBlock block = NetworkBlock.initialized(spec, manager);
    Map<String, Shape> expected = new LinkedHashMap<>();
    block.namedParameters().forEach((name, p) -> expected.put(name, p.getShape()));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
      block.loadParameters(manager, in);
      if (in.available() > 0) {
        throw new CheckpointException(
            parametersFile
                + " has "
                + in.available()
                + " bytes more than the network in "
                + NETWORK_FILE
                + " needs: the two files do not belong together");
      }
    } catch (EOFException e) {
      throw new CheckpointException(
          parametersFile
              + " is truncated: it ends before all parameters of the network in "
              + NETWORK_FILE
              + " are read ("
              + parameters.length
              + " bytes)",
          e);
    } catch (MalformedModelException | IOException | RuntimeException e) {
      if (e instanceof CheckpointException c) {
        throw c;
      }
      throw new CheckpointException(
          parametersFile
              + " does not hold parameters of the network in "
              + NETWORK_FILE
              + ": "
              + e.getMessage(),
          e);
    }
    for (Map.Entry<String, Parameter> p : block.namedParameters().entrySet()) {
      Shape loaded = p.getValue().getArray().getShape();
      if (!loaded.equals(expected.get(p.getKey()))) {
        throw new CheckpointException(
            parametersFile
                + " does not match "
                + NETWORK_FILE
                + ": parameter "
                + p.getKey()
                + " has shape "
                + loaded
                + ", the network needs "
                + expected.get(p.getKey()));
      }
    }
    return block;
  }

  // ---- loading ----

  /** The checkpoint folder, or the complete previous one left aside by an interrupted save. */
  private static Path existingFolder(Path dir) throws CheckpointException {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      return target;
    }
    Path previous = previousOf(target);
    if (!Files.exists(target) && Files.isRegularFile(previous.resolve(MANIFEST_FILE))) {
      return previous;
    }
    if (Files.exists(target)) {
      throw new CheckpointException(dir + " is not a folder: expected a checkpoint folder");
    }
    throw new CheckpointException("checkpoint folder " + dir + " does not exist");
  }

  private static NetworkSpec readNetwork(Path folder) throws CheckpointException {
    Path file = folder.resolve(NETWORK_FILE);
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(
          file
              + " is missing: "
              + folder
              + " is not a checkpoint folder (expected "
              + NETWORK_FILE
              + " and "
              + PARAMETERS_FILE
              + ")");
    }
    try {
      return JsonFiles.read(file, NetworkSpec.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new CheckpointException(e.getMessage(), e);
    }
  }

  private static byte[] readBytes(Path file) throws CheckpointException {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file + " is missing: the checkpoint has no trained parameters");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkManifest(Path folder, Path parametersFile, byte[] parameters)
      throws CheckpointException {
    Path file = folder.resolve(MANIFEST_FILE);
    Manifest manifest;
    try {
      manifest = JsonFiles.read(file, Manifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new CheckpointException(
          file
              + " is missing or invalid ("
              + e.getMessage()
              + "): the checkpoint was not saved"
              + " completely",
          e);
    }
    if (parameters.length < manifest.parametersBytes()) {
      throw new CheckpointException(
          parametersFile
              + " is truncated: "
              + parameters.length
              + " of "
              + manifest.parametersBytes()
              + " bytes");
    }
    if (parameters.length != manifest.parametersBytes()
        || !Sha256.of(parameters).equals(manifest.parametersSha256())) {
      throw new CheckpointException(
          parametersFile
              + " is corrupt: its size or SHA-256 differs from the one recorded in "
              + MANIFEST_FILE
              + " when it was saved");
    }
  }

  // ---- saving ----

  private static byte[] serialise(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    }
    return bytes.toByteArray();
  }

  private static void swapInto(Path staging, Path target) throws IOException {
    Path previous = previousOf(target);
    Folders.deleteTree(previous);
    if (Files.exists(target)) {
      AtomicFiles.move(target, previous);
    }
    AtomicFiles.move(staging, target);
    syncFolder(target.getParent());
    Folders.deleteTree(previous);
  }

  private static Path previousOf(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".previous");
  }

  /** Makes the renames durable; a file system that cannot sync folders just skips it. */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some platforms cannot open a folder as a channel; the rename is still atomic there
    }
  }

  private static void checkExtraFileName(String name) {
    if (!EXTRA_FILE_NAME.matcher(name).matches() || OWN_FILES.contains(name)) {
      throw new IllegalArgumentException(
          "extra checkpoint file must be a plain *.json name other than "
              + OWN_FILES
              + ", got '"
              + name
              + "'");
    }
  }
}
