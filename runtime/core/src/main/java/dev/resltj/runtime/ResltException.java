package dev.resltj.runtime;

/**
 * Base of every exception the runtime throws on purpose. Unchecked: each subtype maps to one
 * decision of the caller, so catch the subtype you can act on.
 *
 * <ul>
 *   <li>{@link ModelLoadException}: the model cannot be used (a startup failure).
 *   <li>{@link InvalidInputException} and its subtypes: the caller's input is wrong (HTTP 400, exit
 *       2).
 *   <li>{@link InferenceException}: the input was valid but the run failed (HTTP 500).
 * </ul>
 */
public abstract class ResltException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ResltException(String message) {
    super(message);
  }

  protected ResltException(String message, Throwable cause) {
    super(message, cause);
  }
}
