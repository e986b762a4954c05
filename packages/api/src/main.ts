import { loadConfigOrExit } from "./config/environment.ts";
import { configureLogger } from "./common/logger.ts";
import { openConfiguredDatabase, prepareDatabase } from "./bootstrap.ts";
import { startServer } from "./server/app.ts";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = configureLogger(config.logLevel, { pretty: config.env === "development" && process.stdout.isTTY });
  const database = openConfiguredDatabase(config);
  await prepareDatabase(config, database);
  const server = await startServer(config, database);
  logger.info(
    { url: server.url, database: database.kind, env: config.env, sandbox: config.sandbox },
    config.sandbox ? `JMO API ready: open ${server.url} for Apollo Sandbox` : `JMO API ready at ${server.url}`,
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
