import fs from "node:fs";
import lockfile from "proper-lockfile";
import { DatabaseLockedError } from "./types.ts";

/**
 * Takes the folder lock of an embedded database. PGlite itself does not lock its folder, and two
 * processes opening it silently corrupt it (TOOLCHAIN.md). The lock is refreshed every 2 s and counts
 * as stale 10 s after its holder died.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      stale: 10_000,
      update: 2_000,
      retries: 0,
      realpath: false,
      onCompromised: (err) => {
        // Another process took the folder (we were frozen past the stale time): stop before we corrupt it.
        console.error(`opsdeck: lost the lock of ${dataDir}: ${err.message}`);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") throw new DatabaseLockedError(dataDir, err);
    throw err;
  }
}

/** True when another live process holds the folder lock. */
export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  if (!fs.existsSync(dataDir)) return false;
  return lockfile.check(dataDir, { stale: 10_000, realpath: false });
}
