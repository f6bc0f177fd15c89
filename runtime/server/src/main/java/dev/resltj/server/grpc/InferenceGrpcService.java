package dev.resltj.server.grpc;

import dev.resltj.server.grpc.v2.GRPCInferenceServiceGrpc;
import dev.resltj.server.grpc.v2.ModelInferRequest;
import dev.resltj.server.grpc.v2.ModelInferResponse;
import dev.resltj.server.grpc.v2.ModelMetadataRequest;
import dev.resltj.server.grpc.v2.ModelMetadataResponse;
import dev.resltj.server.grpc.v2.ModelReadyRequest;
import dev.resltj.server.grpc.v2.ModelReadyResponse;
import dev.resltj.server.grpc.v2.RepositoryIndexRequest;
import dev.resltj.server.grpc.v2.RepositoryIndexResponse;
import dev.resltj.server.grpc.v2.RepositoryModelLoadRequest;
import dev.resltj.server.grpc.v2.RepositoryModelLoadResponse;
import dev.resltj.server.grpc.v2.RepositoryModelUnloadRequest;
import dev.resltj.server.grpc.v2.RepositoryModelUnloadResponse;
import dev.resltj.server.grpc.v2.ServerLiveRequest;
import dev.resltj.server.grpc.v2.ServerLiveResponse;
import dev.resltj.server.grpc.v2.ServerMetadataRequest;
import dev.resltj.server.grpc.v2.ServerMetadataResponse;
import dev.resltj.server.grpc.v2.ServerReadyRequest;
import dev.resltj.server.grpc.v2.ServerReadyResponse;
import dev.resltj.server.inference.InferenceResponse;
import dev.resltj.server.inference.InferenceService;
import dev.resltj.server.inference.ModelMetadata;
import dev.resltj.server.inference.ServerMetadata;
import dev.resltj.server.inference.TensorMetadata;
import dev.resltj.server.metrics.RequestMeters;
import dev.resltj.server.repository.ModelIndexEntry;
import dev.resltj.server.repository.ModelRepository;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code inference.GRPCInferenceService}: parse, delegate to {@link InferenceService} as the REST
 * controllers do, map errors through {@link GrpcStatuses}, and record every call in {@link
 * RequestMeters} with the method as endpoint and the status code's name as status.
 */
@Singleton
final class InferenceGrpcService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
  private static final String ENDPOINT = "/inference.GRPCInferenceService/";

  private final InferenceService inference;
  private final ModelRepository repository;
  private final RequestMeters meters;

  InferenceGrpcService(
      InferenceService inference, ModelRepository repository, RequestMeters meters) {
    this.inference = inference;
    this.repository = repository;
    this.meters = meters;
  }

  @Override
  public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> observer) {
    answer(
        observer, null, "ServerLive", () -> ServerLiveResponse.newBuilder().setLive(true).build());
  }

  @Override
  public void serverReady(
      ServerReadyRequest request, StreamObserver<ServerReadyResponse> observer) {
    answer(
        observer,
        null,
        "ServerReady",
        () -> ServerReadyResponse.newBuilder().setReady(inference.ready()).build());
  }

  @Override
  public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> observer) {
    answer(
        observer,
        request.getName(),
        "ModelReady",
        () ->
            ModelReadyResponse.newBuilder()
                .setReady(inference.modelReady(request.getName(), version(request.getVersion())))
                .build());
  }

  @Override
  public void serverMetadata(
      ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> observer) {
    answer(
        observer,
        null,
        "ServerMetadata",
        () -> {
          ServerMetadata m = inference.serverMetadata();
          return ServerMetadataResponse.newBuilder()
              .setName(m.name())
              .setVersion(m.version())
              .addAllExtensions(m.extensions())
              .build();
        });
  }

  @Override
  public void modelMetadata(
      ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> observer) {
    answer(
        observer,
        request.getName(),
        "ModelMetadata",
        () -> {
          ModelMetadata m = inference.metadata(request.getName(), version(request.getVersion()));
          ModelMetadataResponse.Builder b =
              ModelMetadataResponse.newBuilder()
                  .setName(m.name())
                  .addAllVersions(m.versions())
                  .setPlatform(m.platform());
          m.inputs().forEach(t -> b.addInputs(tensor(t)));
          m.outputs().forEach(t -> b.addOutputs(tensor(t)));
          return b.build();
        });
  }

  @Override
  public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> observer) {
    long start = System.nanoTime();
    String model = request.getModelName();
    CompletableFuture<InferenceResponse> running;
    try {
      running =
          inference.infer(model, version(request.getModelVersion()), GrpcTensors.request(request));
    } catch (RuntimeException e) {
      fail(observer, model, "ModelInfer", start, e);
      return;
    }
    boolean raw = request.getRawInputContentsCount() > 0;
    running.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            fail(observer, model, "ModelInfer", start, failure);
            return;
          }
          ModelInferResponse answer;
          try {
            answer = GrpcTensors.response(response, raw);
          } catch (RuntimeException e) {
            fail(observer, model, "ModelInfer", start, e);
            return;
          }
          succeed(observer, model, "ModelInfer", start, answer);
        });
  }

  // The repository calls: RepositoryGuard has let them through (enabled, token checked).

  @Override
  public void repositoryIndex(
      RepositoryIndexRequest request, StreamObserver<RepositoryIndexResponse> observer) {
    answer(
        observer,
        null,
        "RepositoryIndex",
        () -> {
          RepositoryIndexResponse.Builder b = RepositoryIndexResponse.newBuilder();
          for (ModelIndexEntry e : repository.index(request.getReady())) {
            b.addModels(
                RepositoryIndexResponse.ModelIndex.newBuilder()
                    .setName(e.name())
                    .setVersion(e.version())
                    .setState(e.state())
                    .setReason(e.reason()));
          }
          return b.build();
        });
  }

  @Override
  public void repositoryModelLoad(
      RepositoryModelLoadRequest request, StreamObserver<RepositoryModelLoadResponse> observer) {
    String model = request.getModelName();
    later(
        observer,
        model,
        "RepositoryModelLoad",
        () -> repository.load(model, request.getParametersMap().keySet()),
        done -> RepositoryModelLoadResponse.getDefaultInstance());
  }

  @Override
  public void repositoryModelUnload(
      RepositoryModelUnloadRequest request,
      StreamObserver<RepositoryModelUnloadResponse> observer) {
    String model = request.getModelName();
    later(
        observer,
        model,
        "RepositoryModelUnload",
        () -> repository.unload(model, request.getParametersMap().keySet()),
        done -> RepositoryModelUnloadResponse.getDefaultInstance());
  }

  /** A call answered when {@code start}'s future completes. */
  private <R, T> void later(
      StreamObserver<T> observer,
      String model,
      String method,
      Supplier<CompletableFuture<R>> start,
      Function<R, T> reply) {
    long begin = System.nanoTime();
    CompletableFuture<R> running;
    try {
      running = start.get();
    } catch (RuntimeException e) {
      fail(observer, model, method, begin, e);
      return;
    }
    running.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            fail(observer, model, method, begin, failure);
          } else {
            succeed(observer, model, method, begin, reply.apply(value));
          }
        });
  }

  private <T> void answer(
      StreamObserver<T> observer, String model, String method, Supplier<T> body) {
    long start = System.nanoTime();
    T value;
    try {
      value = body.get();
    } catch (RuntimeException e) {
      fail(observer, model, method, start, e);
      return;
    }
    succeed(observer, model, method, start, value);
  }

  private <T> void succeed(
      StreamObserver<T> observer, String model, String method, long start, T value) {
    meters.record(model, ENDPOINT + method, "OK", false, System.nanoTime() - start);
    observer.onNext(value);
    observer.onCompleted();
  }

  private void fail(
      StreamObserver<?> observer, String model, String method, long start, Throwable failure) {
    Status status = GrpcStatuses.of(failure);
    meters.record(
        model, ENDPOINT + method, status.getCode().name(), true, System.nanoTime() - start);
    observer.onError(status.asRuntimeException());
  }

  private static ModelMetadataResponse.TensorMetadata tensor(TensorMetadata t) {
    return ModelMetadataResponse.TensorMetadata.newBuilder()
        .setName(t.name())
        .setDatatype(t.datatype())
        .addAllShape(t.shape())
        .build();
  }

  private static Optional<String> version(String version) {
    return version.isEmpty() ? Optional.empty() : Optional.of(version);
  }
}
