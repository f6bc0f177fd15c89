/**
 * The public API of the ResLT-J runtime: {@link dev.resltj.runtime.ResltClassifier} opens an ONNX
 * model once and classifies images or tensors from any thread; {@link
 * dev.resltj.runtime.ClassifierOptions} configures it; {@link dev.resltj.runtime.Prediction} and
 * {@link dev.resltj.runtime.ModelCard} are what it returns and what the model says about itself;
 * the exceptions below {@link dev.resltj.runtime.ResltException} are everything it throws on
 * purpose. {@link dev.resltj.runtime.OnnxContract} holds the tensor names and metadata keys shared
 * with the trainer.
 */
package dev.resltj.runtime;
