// The klaim worker as its own process (`pnpm worker`): moves submitted claims AGENDA → … → SELESAI on the configured
// PostgreSQL database, next to (or instead of) the workers inside the servers; they share the work (skip locked).
// Stop it with Ctrl-C or SIGTERM: the step in progress finishes first. Killed mid-step, nothing is lost: the step's
// transaction rolls back and the next run (of any worker) takes it again; a payment is never made twice.
import { loadConfigOrExit } from "../src/config/environment.ts";
import { configureLogger } from "../src/common/logger.ts";
import { openConfiguredDatabase } from "../src/bootstrap.ts";
import { createServices } from "../src/server/services.ts";
import { startTracing } from "../src/tracing/tracing.ts";

const config = loadConfigOrExit();
const logger = configureLogger(config.logLevel, { pretty: config.env === "development" && process.stdout.isTTY });
if (!config.databaseUrl) {
  // The embedded database belongs to the one process that opened it (the server, which runs its own worker).
  console.error("pnpm worker needs DATABASE_URL (PostgreSQL): the embedded PGlite database is used by the server alone, which runs the worker itself.");
  process.exit(1);
}
// Each claim step is a trace (with its statements) when OTEL_EXPORTER_OTLP_ENDPOINT is set.
const tracing = await startTracing(config, "jmo-worker");
const database = openConfiguredDatabase(config);
await database.migrate();
const services = createServices(config, database);
const intervalMs = config.klaimWorkerIntervalMs || 1000;
services.klaimWorker.start(intervalMs);
logger.info({ intervalMs, stepDelaySeconds: config.klaimStepDelaySeconds }, "klaim worker started");

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "klaim worker stopping");
  await services.klaimWorker.stop();
  await database.close();
  await tracing?.shutdown();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
