// `pnpm cluster [--instances N] [--port P] [--pgbouncer]`: the local cluster of docs/deployment.md on this machine —
// PostgreSQL's database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/jmo_cluster, created, migrated and
// seeded with the demo data the first time), N API instances of the compiled build (`pnpm build` when dist is missing),
// the standalone klaim worker and HAProxy in front; with --pgbouncer, PgBouncer (transaction pooling) between the
// instances and PostgreSQL. Prints one URL; Ctrl-C stops everything. Logs and filled configs: .data/cluster/.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ROOT, startLocalCluster } from "./local-cluster.ts";

const { values } = parseArgs({
  options: {
    instances: { type: "string", default: "2" },
    port: { type: "string" },
    pgbouncer: { type: "boolean", default: false },
    "database-url": { type: "string" },
  },
});
const instances = Number(values.instances);
const port = values.port === undefined ? undefined : Number(values.port);
if (!Number.isInteger(instances) || instances < 1 || instances > 32) {
  console.error("--instances: a whole number from 1 to 32");
  process.exit(1);
}
if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
  console.error("--port: a port number");
  process.exit(1);
}
const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/jmo_cluster";
const workDir = resolve(ROOT, ".data/cluster");
const log = (line: string) => console.error(`cluster: ${line}`);

const cluster = await startLocalCluster({
  databaseUrl,
  instances,
  ...(port !== undefined ? { port } : {}),
  workDir,
  seedDemoData: true,
  pgbouncer: values.pgbouncer,
  // A demo: claims move every 5 s (the default), and the demo accounts sign in from one address through the balancer.
  tokenSecret: process.env.TOKEN_SECRET,
  log,
});
log(`logs and configuration in ${workDir}; Ctrl-C stops everything`);
console.log(cluster.url);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping the balancer, the instances and the worker…`);
  await cluster.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
// A process that dies on its own is reported (the others keep serving: that is what the balancer is for).
for (const p of [...cluster.instances, cluster.worker, cluster.balancer, ...(cluster.pgbouncer ? [cluster.pgbouncer] : [])]) {
  p.child.once("exit", (code, signal) => {
    if (!stopping) log(`${p.name} exited (${code ?? signal}); see ${p.logFile}`);
  });
}
