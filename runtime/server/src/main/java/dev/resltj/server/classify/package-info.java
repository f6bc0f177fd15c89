/**
 * Image classification for people and apps that hold a picture, not a tensor: {@code POST
 * /v1/models/{name}/classify} with the image as the raw body or as a multipart file. Decoding and
 * preparation run on a blocking-pool thread, the model run in the model's batcher.
 */
package dev.resltj.server.classify;
