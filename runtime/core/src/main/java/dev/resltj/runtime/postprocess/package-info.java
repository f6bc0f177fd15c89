/**
 * From model outputs to predictions: which output gives the class probabilities ({@link
 * dev.resltj.runtime.postprocess.ClassProbabilities}, shared with the server), softmax, and top-k.
 */
package dev.resltj.runtime.postprocess;
