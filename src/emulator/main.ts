/**
 * `npm run emulator`: the ftrack-compatible server on its own, configured by EMULATOR_PORT,
 * EMULATOR_API_USER, EMULATOR_API_KEY and EMULATOR_DATA_DIR (":memory:" keeps nothing).
 */
import { loadConfig } from "../config.js";
import { exitOnStartupError, namingPort } from "../startup.errors.js";
import { DEMO, startEmulator } from "./index.js";

async function main() {
  const config = loadConfig();
  const emulator = await startEmulator({
    port: config.emulator.port,
    host: config.host,
    apiUser: config.emulator.apiUser,
    apiKey: config.emulator.apiKey,
    dataDir: config.emulator.dataDir,
    seed: true,
    log: (line) => console.error(line),
  }).catch(namingPort("EMULATOR_PORT"));

  const where = config.emulator.dataDir === ":memory:" ? "in memory (nothing kept)" : config.emulator.dataDir;
  console.log(`ftrack emulator listening on ${emulator.url} (data: ${where})`);
  // A local development key, printed so a developer can point a client (or the service) at the emulator.
  console.log("Point the service at it (AUTH_MODE is required with FTRACK_SERVER):");
  console.log(
    `  FTRACK_SERVER=${emulator.url} FTRACK_API_USER=${emulator.apiUser} FTRACK_API_KEY=${emulator.apiKey} AUTH_MODE=none npm start`,
  );
  console.log(
    `  demo users: ${Object.values(DEMO.users)
      .map((u) => `${u.username} (key ${u.apiKey})`)
      .join(", ")}`,
  );

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      emulator.close().then(() => process.exit(0));
    });
  }
}

main().catch(exitOnStartupError);
