import { readFileSync } from "node:fs";

/** clawproof's own version, from its package.json (`clawproof --version`). */
export const VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
