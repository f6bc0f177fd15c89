/**
 * The Open Inference Protocol over gRPC ({@code inference.GRPCInferenceService}, wire-compatible
 * with KServe's {@code grpc_predict_v2.proto}) on its own port: grpc-java's server, started after
 * the HTTP server and stopped with it, over the same models, batchers, size limit and request
 * metrics as the REST API. {@link dev.resltj.server.grpc.GrpcStatuses} maps each domain exception
 * to the status code its REST twin's HTTP status stands for.
 */
package dev.resltj.server.grpc;
