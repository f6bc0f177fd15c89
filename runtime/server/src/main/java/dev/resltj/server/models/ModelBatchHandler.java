package dev.resltj.server.models;

import dev.resltj.runtime.OutputTensor;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.server.batching.BatchHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs several requests' images as one tensor and gives each request exactly its own rows of every
 * output: request {@code i} gets the rows from the sum of the earlier requests' image counts on.
 */
final class ModelBatchHandler implements BatchHandler<ImageRows, RequestResult> {
  private final ResltClassifier classifier;

  ModelBatchHandler(ResltClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public List<RequestResult> run(List<ImageRows> requests) {
    int images = 0;
    int length = 0;
    for (ImageRows r : requests) {
      images += r.count();
      length += r.length();
    }
    float[] batch;
    if (requests.size() == 1) {
      batch = requests.get(0).values(); // one request: its tensor is already the batch
    } else {
      batch = new float[length];
      int offset = 0;
      for (ImageRows r : requests) {
        r.copyTo(batch, offset);
        offset += r.length();
      }
    }
    Map<String, OutputTensor> outputs = classifier.run(batch, images, List.of());
    return split(requests, images, outputs);
  }

  static List<RequestResult> split(
      List<ImageRows> requests, int images, Map<String, OutputTensor> outputs) {
    List<List<RequestTensor>> perRequest = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      perRequest.add(new ArrayList<>(outputs.size()));
    }
    for (OutputTensor tensor : outputs.values()) {
      if (tensor.shape().isEmpty() || tensor.shape().get(0) != images) {
        throw new IllegalStateException(
            "output '"
                + tensor.name()
                + "' has shape "
                + tensor.shape()
                + " for a batch of "
                + images
                + " images");
      }
      int rowSize = tensor.size() / images;
      java.nio.FloatBuffer values = tensor.asFloatBuffer();
      int row = 0;
      for (int i = 0; i < requests.size(); i++) {
        int count = requests.get(i).count();
        float[] slice = new float[count * rowSize];
        values.get(row * rowSize, slice, 0, slice.length);
        List<Long> shape = new ArrayList<>(tensor.shape());
        shape.set(0, (long) count);
        perRequest.get(i).add(new RequestTensor(tensor.name(), shape, slice));
        row += count;
      }
    }
    List<RequestResult> results = new ArrayList<>(requests.size());
    for (List<RequestTensor> rows : perRequest) {
      results.add(new RequestResult(rows));
    }
    return results;
  }
}
