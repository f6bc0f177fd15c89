package dev.resltj.spark.executor;

import java.util.Map;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Closes this executor's classifiers when the executor stops. Enable it with {@code --conf
 * spark.plugins=dev.resltj.spark.executor.ClassifierPlugin} ({@code ScoreImages} sets it itself).
 * Without it the native sessions live until the executor's JVM exits, which frees them too; the
 * plugin matters where the JVM outlives the executor, as in local mode, where the driver goes on
 * after {@code SparkSession.stop()}.
 */
public final class ClassifierPlugin implements SparkPlugin {
  @Override
  public DriverPlugin driverPlugin() {
    return null;
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new ExecutorPlugin() {
      @Override
      public void init(PluginContext context, Map<String, String> extraConf) {}

      @Override
      public void shutdown() {
        ExecutorClassifiers.closeAll();
      }
    };
  }
}
