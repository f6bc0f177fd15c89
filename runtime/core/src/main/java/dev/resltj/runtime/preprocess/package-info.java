/**
 * From encoded bytes or a {@code BufferedImage} to one model input, one small function per step:
 * {@link dev.resltj.runtime.preprocess.ImageDecoder} (size checked from the header first), {@link
 * dev.resltj.runtime.preprocess.ChannelConversion}, {@link
 * dev.resltj.runtime.preprocess.PolarityEstimation} and {@link
 * dev.resltj.runtime.preprocess.Inversion}, {@link dev.resltj.runtime.preprocess.Resizing} or
 * {@link dev.resltj.runtime.preprocess.MassCentring}, {@link
 * dev.resltj.runtime.preprocess.ValueRange}; {@link dev.resltj.runtime.preprocess.Preprocessor}
 * chains them as the model card asks.
 */
package dev.resltj.runtime.preprocess;
