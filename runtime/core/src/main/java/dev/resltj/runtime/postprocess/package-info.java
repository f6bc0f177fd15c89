/** From model outputs to predictions: softmax for models that only output logits, and top-k. */
package dev.resltj.runtime.postprocess;
