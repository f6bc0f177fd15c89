/**
 * ONNX export: a trained {@link dev.resltj.trainer.model.NetworkBlock} becomes a self-describing
 * {@code .onnx} file (opset 17, IR 8) that ONNX Runtime or any ONNX consumer runs without Java or
 * DJL. {@link dev.resltj.trainer.export.OnnxModelWriter} walks the network spec layer by layer;
 * {@link dev.resltj.trainer.export.ModelExport} reads a run folder's checkpoint and JSON files and
 * writes the file atomically. The contract (tensor names, shapes, metadata) is
 * docs/onnx-contract.md.
 */
package dev.resltj.trainer.export;
