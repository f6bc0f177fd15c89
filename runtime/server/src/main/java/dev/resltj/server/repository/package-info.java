/**
 * The model repository extension (Triton's, also in KServe's protocol notes): list the models with
 * their state, load or reload one from the model folder, unload one, over REST ({@code
 * /v2/repository/...}) and gRPC. Off unless {@code reslt.repository.enabled}; when on, every call
 * needs the configured bearer token unless anonymous control was asked for explicitly. The models
 * themselves are loaded and swapped by {@link dev.resltj.server.models.ModelRegistry}.
 */
package dev.resltj.server.repository;
