package dev.resltj.trainer.export;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.storage.AtomicFiles;
import dev.resltj.trainer.storage.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Writes trained networks as self-describing {@code .onnx} files (see docs/onnx-contract.md). */
public final class ModelExport {
  private ModelExport() {}

  /**
   * Exports the model of a run folder ({@code runs/NAME/}, or its {@code checkpoint/} folder): the
   * checkpoint's network and parameters, with metadata from {@code run.json}, {@code split.json}
   * and, when present, {@code report.json} and {@code provenance.json}.
   *
   * @throws dev.resltj.trainer.model.CheckpointException the checkpoint is missing, truncated or
   *     corrupt
   * @throws ExportException the run folder lacks what the metadata needs, or the target is unusable
   */
  public static ExportResult exportRun(Path runDir, Path onnxFile) throws IOException {
    long start = System.nanoTime();
    TrainedRun run = TrainedRun.at(runDir);
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = ModelCheckpoint.load(run.checkpointDir, manager);
      ExportMetadata metadata = run.metadata(block.spec());
      return write(OnnxModelWriter.toModel(block, metadata), onnxFile, start);
    }
  }

  /** Exports a trained {@code block} with {@code metadata} to {@code onnxFile}, atomically. */
  public static ExportResult export(NetworkBlock block, ExportMetadata metadata, Path onnxFile)
      throws IOException {
    long start = System.nanoTime();
    return write(OnnxModelWriter.toModel(block, metadata), onnxFile, start);
  }

  private static ExportResult write(OnnxMl.ModelProto model, Path onnxFile, long start)
      throws IOException {
    if (Files.isDirectory(onnxFile)) {
      throw new ExportException(onnxFile + " is a folder: expected the path of the .onnx file");
    }
    byte[] bytes = model.toByteArray();
    AtomicFiles.write(onnxFile, bytes);
    return new ExportResult(
        onnxFile, bytes.length, Sha256.of(bytes), Duration.ofNanos(System.nanoTime() - start));
  }
}
