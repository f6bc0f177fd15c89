/**
 * What the HTTP API says, as records: the model list and model cards of {@code /v1/models} with
 * their controller, and {@link dev.resltj.server.api.ErrorBody}, the one body of every error
 * response. The registry ({@code models}) and the error mapping ({@code error}) both use it, and
 * neither depends on the other.
 */
package dev.resltj.server.api;
