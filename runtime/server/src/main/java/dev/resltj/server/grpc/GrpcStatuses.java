package dev.resltj.server.grpc;

import dev.resltj.runtime.InferenceException;
import dev.resltj.runtime.InvalidInputException;
import dev.resltj.server.batching.BatcherClosedException;
import dev.resltj.server.batching.DeadlineExceededException;
import dev.resltj.server.batching.QueueFullException;
import dev.resltj.server.batching.RequestTooLargeException;
import dev.resltj.server.error.InvalidRequestException;
import dev.resltj.server.models.ModelLoadFailedException;
import dev.resltj.server.models.ModelNotReadyException;
import dev.resltj.server.models.RegistryClosedException;
import dev.resltj.server.models.ServerNotReadyException;
import dev.resltj.server.models.UnknownModelException;
import dev.resltj.server.models.UnknownVersionException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The gRPC status of each domain exception, mirroring the REST mapping: a client's mistake is never
 * UNKNOWN or INTERNAL, and the message is the same one the REST API puts in its error body.
 */
final class GrpcStatuses {
  private GrpcStatuses() {}

  static Status of(Throwable failure) {
    Throwable e = unwrap(failure);
    Status status;
    if (e instanceof UnknownModelException || e instanceof UnknownVersionException) {
      status = Status.NOT_FOUND;
    } else if (e instanceof InvalidRequestException
        || e instanceof InvalidInputException
        || e instanceof ModelLoadFailedException) {
      status = Status.INVALID_ARGUMENT;
    } else if (e instanceof RequestTooLargeException) {
      status = Status.RESOURCE_EXHAUSTED;
    } else if (e instanceof QueueFullException
        || e instanceof ModelNotReadyException
        || e instanceof ServerNotReadyException
        || e instanceof BatcherClosedException
        || e instanceof RegistryClosedException) {
      status = Status.UNAVAILABLE;
    } else if (e instanceof DeadlineExceededException) {
      status = Status.DEADLINE_EXCEEDED;
    } else if (e instanceof InferenceException) {
      return Status.INTERNAL.withDescription("inference failed: " + e.getMessage()).withCause(e);
    } else {
      return Status.INTERNAL.withDescription("internal error: " + e).withCause(e);
    }
    return status.withDescription(e.getMessage());
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
