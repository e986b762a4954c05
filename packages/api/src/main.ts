import { loadConfigOrExit } from "./config/environment.ts";
import { configureLogger } from "./common/logger.ts";
import { openConfiguredDatabase, prepareDatabase } from "./bootstrap.ts";
import { startServer } from "./server/app.ts";
import { buildExplorerInBackground, EXPLORER_PATH, SCHEMA_PATH } from "./server/explorer.ts";
import { startTracing } from "./tracing/tracing.ts";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = configureLogger(config.logLevel, { pretty: config.env === "development" && process.stdout.isTTY });
  // OpenTelemetry traces when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise null, and nothing of the SDK is loaded.
  const tracing = await startTracing(config, "jmo-api");
  if (config.tracing) logger.info({ traces: new URL(config.tracing.tracesUrl).origin, sampler: config.tracing.sampler }, "tracing: spans exported over OTLP/HTTP");
  // The local explorer (GraphiQL) is built on the first start, alongside migrating and seeding.
  if (config.sandbox) void buildExplorerInBackground();
  const database = await prepareDatabase(config, openConfiguredDatabase(config), () => openConfiguredDatabase(config));
  const server = await startServer(config, database);
  logger.info(
    { url: server.url, database: database.kind, env: config.env, sandbox: config.sandbox },
    config.sandbox
      ? `JMO API ready in ${process.uptime().toFixed(0)} s: open ${server.url} for Apollo Sandbox; offline, the local explorer ` +
          `${new URL(EXPLORER_PATH, server.url).href} and the schema ${new URL(SCHEMA_PATH, server.url).href}`
      : `JMO API ready in ${process.uptime().toFixed(0)} s at ${server.url}`,
  );

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down: draining HTTP and WebSocket connections");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await server.stop();
      await database.close();
      // The last spans (the shutdown's requests) are sent before exiting.
      await tracing?.shutdown();
      logger.info("stopped");
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
