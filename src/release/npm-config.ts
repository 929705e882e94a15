/**
 * The user's npm configuration, loaded by npm's own loader (@npmcli/config, what the npm CLI
 * runs): builtin, global, user and project `.npmrc` files and `npm_config_*` variables in npm's
 * precedence, flattened by npm's own definitions into the options npm hands to pacote. So a
 * corporate mirror, proxy, CA bundle or registry token that works for `npm install` works for
 * clawproof's fetches too, and is authenticated the same way: the flattening keeps every
 * nerf-darted credential (`//host/path/:_authToken`, `:_auth`, `:username` + `:_password`,
 * `:certfile` + `:keyfile`), and npm-registry-fetch sends each only to its own registry.
 * (`npm config list --json`, asked before, leaves those credentials out.)
 *
 * Imported lazily: npm's definitions are a large module and only a fetch needs them.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { CannotCheckError } from "../domain/errors.ts";

export type PacoteConfig = Record<string, unknown>;

/** Where npm's configuration is read from; tests pass a temp project and their own environment. */
export interface NpmConfigPlace {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The installed npm's own folder: its `npmrc` there is the builtin config layer (a distribution's
 * npm ships one). Under `npm run`/`npx`, npm names itself in npm_execpath; otherwise npm sits
 * beside node as the Node installer puts it. A folder without npm just has no builtin layer.
 */
function npmRoot(env: NodeJS.ProcessEnv): string {
  const execpath = env.npm_execpath;
  if (execpath && /[\\/]np[mx]-cli\.c?js$/.test(execpath)) return dirname(dirname(execpath));
  const bin = dirname(process.execPath);
  const beside = process.platform === "win32" ? join(bin, "node_modules", "npm") : join(dirname(bin), "lib", "node_modules", "npm");
  return existsSync(beside) ? beside : bin;
}

/** npm's flattened options for `place`, exactly as npm builds them before it calls pacote. */
export async function loadNpmConfig(place: NpmConfigPlace = {}): Promise<PacoteConfig> {
  const [{ default: Config }, { default: npmDefinitions }] = await Promise.all([
    import("@npmcli/config"),
    import("@npmcli/config/lib/definitions/index.js"),
  ]);
  const { definitions, flatten, nerfDarts, shorthands } = npmDefinitions;
  // a copy: loading writes npm_config_* variables into the environment it is given
  const env = { ...(place.env ?? process.env) };
  const config = new Config({
    npmPath: npmRoot(env),
    definitions,
    flatten,
    nerfDarts,
    shorthands,
    // clawproof's own arguments are not npm's: npm sees a bare command line
    argv: [process.execPath, "clawproof"],
    env,
    cwd: place.cwd ?? process.cwd(),
    warn: false,
  });
  try {
    await config.load();
  } catch (err) {
    // a fetch that ignored a broken .npmrc would go to a registry the user did not choose
    throw new CannotCheckError(`the npm configuration could not be read: ${(err as Error)?.message?.split("\n")[0] ?? String(err)}`);
  }
  return { ...config.flat };
}

let loaded: Promise<PacoteConfig> | undefined;

/** npm's effective configuration for the current folder and environment, loaded once per process. */
export function npmConfig(): Promise<PacoteConfig> {
  loaded ??= loadNpmConfig();
  return loaded;
}
