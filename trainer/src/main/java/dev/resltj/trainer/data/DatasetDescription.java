package dev.resltj.trainer.data;

import java.util.List;

/**
 * What a run's data is, in one place, for the run's records and the exported model: the data set's
 * name and kind, the class names (index order: the model's labels), the image shape the network
 * takes, and whether the images are line art or photos.
 *
 * @param name the data set's name ("MNIST", "Fashion-MNIST", or the image folder's name)
 */
public record DatasetDescription(
    String name,
    DatasetKind kind,
    List<String> classNames,
    int channels,
    int height,
    int width,
    ImageStyle style) {
  public DatasetDescription {
    if (name == null || name.isBlank() || kind == null || style == null) {
      throw new IllegalArgumentException("name, kind and style are required");
    }
    classNames = List.copyOf(classNames);
    if (classNames.size() < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + classNames);
    }
    if ((channels != 1 && channels != 3) || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image shape must be 1 or 3 channels of positive size, got "
              + channels
              + "x"
              + height
              + "x"
              + width);
    }
  }

  public int numClasses() {
    return classNames.size();
  }

  /** "Fashion-MNIST (10 classes, 1x28x28, line-art)". */
  public String summary() {
    return name
        + " ("
        + classNames.size()
        + " classes, "
        + channels
        + "x"
        + height
        + "x"
        + width
        + ", "
        + style.id()
        + ")";
  }
}
