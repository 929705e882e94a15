/**
 * The user's npm configuration, as npm itself resolves it: builtin, global, user and project
 * `.npmrc` files and `npm_config_*` variables, in npm's own precedence. Asked of the installed
 * npm (`npm config list --json`) rather than re-implemented, so a corporate mirror, proxy or CA
 * bundle that works for `npm install` works for clawproof's fetches too.
 *
 * npm does not print credentials in that listing, so a registry that needs a token is reached
 * only through npm's own config loader (@npmcli/config), which is not a dependency yet.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";

export type PacoteConfig = Record<string, unknown>;

/** npm's names → pacote / npm-registry-fetch option names, for the keys that decide how to reach a registry. */
const RENAMED: Record<string, string> = {
  registry: "registry",
  proxy: "proxy",
  "https-proxy": "httpsProxy",
  noproxy: "noProxy",
  "strict-ssl": "strictSSL",
  ca: "ca",
  cert: "cert",
  key: "key",
  "local-address": "localAddress",
  maxsockets: "maxSockets",
  "user-agent": "userAgent",
};

/** Maps npm's listing to pacote options; exported for tests. */
export function pacoteConfigFrom(listing: Record<string, unknown>): PacoteConfig {
  const out: PacoteConfig = {};
  for (const [npmName, option] of Object.entries(RENAMED)) {
    const value = listing[npmName];
    if (value === null || value === undefined || value === "") continue;
    out[option] = Array.isArray(value) && option === "noProxy" ? value.join(",") : value;
  }
  // scoped registries (`@scope:registry`) are passed under npm's own key, as npm does
  for (const [key, value] of Object.entries(listing)) if (/^@[^:]+:registry$/.test(key) && typeof value === "string") out[key] = value;
  // npm reads `cafile` into `ca`; an explicit `ca` wins
  const cafile = listing.cafile;
  if (out.ca === undefined && typeof cafile === "string" && cafile) {
    try {
      out.ca = readFileSync(cafile, "utf8");
    } catch {
      // an unreadable cafile is npm's problem to report; pacote then uses Node's own CAs
    }
  }
  return out;
}

let asked: Promise<PacoteConfig> | undefined;

/** npm's effective configuration for the current folder; empty when npm is not installed or fails. */
export function npmConfig(): Promise<PacoteConfig> {
  asked ??= new Promise((resolve) => {
    const viaNode = process.env.npm_execpath && /\.c?js$/.test(process.env.npm_execpath);
    const [cmd, args] = viaNode
      ? [process.execPath, [process.env.npm_execpath!, "config", "list", "--json"]]
      : [process.platform === "win32" ? "npm.cmd" : "npm", ["config", "list", "--json"]];
    execFile(cmd, args, { timeout: 15_000, maxBuffer: 4 << 20, shell: process.platform === "win32" }, (err, stdout) => {
      if (err) return resolve({});
      try {
        resolve(pacoteConfigFrom(JSON.parse(stdout) as Record<string, unknown>));
      } catch {
        resolve({});
      }
    });
  });
  return asked;
}
