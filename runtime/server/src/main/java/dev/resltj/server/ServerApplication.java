package dev.resltj.server;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** Starts the ResLT-J inference server. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "reslt-server",
            version = "0.1",
            description =
                "Serves ResLT-J ONNX models: Open Inference Protocol (KServe v2) with Triton's"
                    + " classification extension, and image classification by upload.",
            license = @License(name = "Apache-2.0")))
public final class ServerApplication {
  private ServerApplication() {}

  public static void main(String[] args) {
    Micronaut.run(ServerApplication.class, args);
  }
}
