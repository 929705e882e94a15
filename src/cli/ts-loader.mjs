// Runs clawproof's TypeScript sources in a clone (bin/clawproof.js and the check worker register
// it; the published package runs dist/ and never loads this file). Node's module hooks, kept to
// what these sources need: a `.ts` file is transpiled by esbuild (types stripped, nothing else),
// and a relative `./x.js` that names `x.ts` resolves to it as tsc allows. Everything else is
// Node's own resolution and loading. tsx did this before: its general resolver and loader made
// every start-up pay about 1 ms of CPU per module (some 370 for `check`), about three times this.
//
// A transpiled file is kept per source path under node_modules/.cache/clawproof-ts/: a header
// with the sha256 of what went in (esbuild's version, the options, the source) and of what came
// out, then the code. A file whose header does not match is transpiled again, never run.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";

const ROOT = new URL("../../", import.meta.url);

/** Registers the hooks for this thread (a worker thread registers its own). */
export function registerTsLoader() {
  register(import.meta.url);
  // stack traces (printed only with CLAWPROOF_DEBUG=1) point into the TypeScript sources
  if (process.env.CLAWPROOF_DEBUG === "1") process.setSourceMapsEnabled(true);
}

const HEADER = "// clawproof-ts ";
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

const require = createRequire(import.meta.url);

let settings;
/** esbuild's options and a digest of them with its version; esbuild itself is loaded only when a file must be transpiled. */
function transpileSettings() {
  const options = {
    loader: "ts",
    format: "esm",
    target: `node${process.versions.node}`,
    sourcemap: "inline",
    sourcesContent: false,
    tsconfigRaw: { compilerOptions: tsconfigOptions() },
  };
  return { options, digest: sha256(JSON.stringify([require("esbuild/package.json").version, options])) };
}

/** tsconfig.json's compilerOptions (esbuild reads the few that change emitted code); its `//` comment lines allowed. */
function tsconfigOptions() {
  const text = readFileSync(new URL("tsconfig.json", ROOT), "utf8");
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = JSON.parse(text.replace(/^\s*\/\/.*$/gm, ""));
  }
  return parsed.compilerOptions ?? {};
}

const cacheDir = fileURLToPath(new URL("node_modules/.cache/clawproof-ts/", ROOT));

/** Where the transpiled form of a source file is kept. */
export const keptFile = (path) => join(cacheDir, `${sha256(path).slice(0, 32)}.mjs`);

async function transpiled(path, source) {
  const t = (settings ??= transpileSettings());
  const input = sha256(`${t.digest}\u0000${path}\u0000${source}`);
  const file = keptFile(path);
  try {
    const kept = readFileSync(file, "utf8");
    const newline = kept.indexOf("\n");
    const [keptInput, keptOutput] = kept.slice(HEADER.length, newline).split(" ");
    const code = kept.slice(newline + 1);
    if (kept.startsWith(HEADER) && keptInput === input && keptOutput === sha256(code)) return code;
  } catch {
    // absent or unreadable: transpiled below
  }
  const { code } = await require("esbuild").transform(source, { ...t.options, sourcefile: path });
  try {
    mkdirSync(cacheDir, { recursive: true });
    // written aside and renamed, so a concurrent start-up reads a whole file or none
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, `${HEADER}${input} ${sha256(code)}\n${code}`);
    renameSync(partial, file);
  } catch {
    // a cache that cannot be written costs the next start-up a transpile, nothing else
  }
  return code;
}

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const fromTs = context.parentURL?.startsWith("file:") && context.parentURL.endsWith(".ts");
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !fromTs || !/^\.\.?\/.*\.js$/.test(specifier)) throw error;
    return next(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, next) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return next(url, context);
  const path = fileURLToPath(url);
  const code = await transpiled(path, readFileSync(path, "utf8"));
  return { format: "module", source: code, shortCircuit: true };
}
