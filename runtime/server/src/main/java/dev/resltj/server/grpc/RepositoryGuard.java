package dev.resltj.server.grpc;

import dev.resltj.server.grpc.v2.GRPCInferenceServiceGrpc;
import dev.resltj.server.repository.RepositoryAccess;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Set;

/**
 * Lets repository calls through only as the REST filter does: off, UNIMPLEMENTED (as if the method
 * did not exist); no bearer token in the {@code authorization} metadata, UNAUTHENTICATED; a wrong
 * one, PERMISSION_DENIED. Every other call passes untouched.
 */
final class RepositoryGuard implements ServerInterceptor {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Set<String> GUARDED =
      Set.of(
          GRPCInferenceServiceGrpc.getRepositoryIndexMethod().getFullMethodName(),
          GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod().getFullMethodName(),
          GRPCInferenceServiceGrpc.getRepositoryModelUnloadMethod().getFullMethodName());

  private final RepositoryAccess access;

  RepositoryGuard(RepositoryAccess access) {
    this.access = access;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    MethodDescriptor<Q, R> method = call.getMethodDescriptor();
    if (!GUARDED.contains(method.getFullMethodName())) {
      return next.startCall(call, headers);
    }
    RepositoryAccess.Decision decision = access.check(headers.get(AUTHORIZATION));
    Status refusal =
        switch (decision) {
          case ALLOWED -> null;
          case DISABLED ->
              Status.UNIMPLEMENTED.withDescription(
                  "Method not found: " + method.getFullMethodName());
          case NO_TOKEN ->
              Status.UNAUTHENTICATED.withDescription(RepositoryAccess.describe(decision));
          case WRONG_TOKEN ->
              Status.PERMISSION_DENIED.withDescription(RepositoryAccess.describe(decision));
        };
    if (refusal == null) {
      return next.startCall(call, headers);
    }
    call.close(refusal, new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
