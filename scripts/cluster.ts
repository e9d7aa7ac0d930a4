/**
 * `npm run cluster`: several replicas sharing one cache, as a studio runs them. Starts Redis
 * (Debian's redis-server), the embedded ftrack server, two replicas of the service (their own
 * processes, sharing Redis and one signing key) and nginx in front with a generated config, all on
 * free ports, and prints the URL to open. Ctrl-C stops everything.
 *
 * The embedded server keeps its data in EMULATOR_DATA_DIR (default .data/cluster, apart from
 * `npm start`'s, so both can run at once). The replicas' log lines are printed with their name
 * (LOG_LEVEL, default warn). THUMBNAIL_CACHE_SCOPE=public puts nginx's thumbnail cache in front.
 */
import { startCluster } from "./cluster.stack.js";

// Until the cluster is up, a signal just exits (the processes started so far end with this one).
const exit = () => process.exit(130);
process.once("SIGINT", exit);
process.once("SIGTERM", exit);

const cluster = await startCluster({
  dataDir: process.env.EMULATOR_DATA_DIR || ".data/cluster",
  env: {
    WEB_UI: "true",
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
    LOG_FORMAT: "pretty",
    // public: nginx keeps the thumbnails it delivered and answers them itself.
    THUMBNAIL_CACHE_SCOPE: process.env.THUMBNAIL_CACHE_SCOPE || "private",
  },
  onLog: (replica, line) => console.log(`[${replica}] ${line}`),
}).catch((error: Error) => {
  console.error(`cluster: ${error.message}`);
  process.exit(1);
});

console.log(`Open ${cluster.url}/ (the thumbnail browser) or ${cluster.url}/graphql, through nginx.`);
console.log(`  Redis ${cluster.redis.url}, embedded ftrack ${cluster.emulator().url}`);
for (const replica of cluster.replicas)
  console.log(`  ${replica.name} ${replica.url} (pid ${replica.pid()})`);
console.log("Ctrl-C stops them all.");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.off(signal, exit);
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("stopping the cluster");
    cluster.close().then(() => process.exit(0));
  });
}
