import fs from "node:fs";
import path from "node:path";

const manifest = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "../../../package.json"), "utf8"),
) as { version: string };

/** The running Opsdeck version; plugins declare the range they support in `engines.opsdeck`. */
export const OPSDECK_VERSION: string = manifest.version;
