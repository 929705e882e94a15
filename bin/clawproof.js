#!/usr/bin/env node
// In a clone (TypeScript sources present) clawproof runs from source, transpiled as it loads by
// src/cli/ts-loader.mjs, so an edit needs no rebuild; the published package runs the JavaScript
// that tsc compiled into dist/ when it was packed. CLAWPROOF_COMPILED=1 runs the compiled output
// from a clone (after `npm run build`).
// Whatever goes wrong, the user sees one line on stderr and exit code 2 ("could not check");
// the stack trace only with CLAWPROOF_DEBUG=1.
import { existsSync } from "node:fs";

const failEarly = (error) => {
  process.stderr.write(`clawproof: unexpected error: ${String(error?.message ?? error).split("\n")[0]}\n`);
  if (process.env.CLAWPROOF_DEBUG === "1" && error?.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
};
try {
  const source = new URL("../src/cli/main.ts", import.meta.url);
  const fromSource = existsSync(source) && process.env.CLAWPROOF_COMPILED !== "1";
  const module = (name) => new URL(fromSource ? `../src/cli/${name}.ts` : `../dist/src/cli/${name}.js`, import.meta.url).href;
  if (fromSource) (await import("../src/cli/ts-loader.mjs")).registerTsLoader();
  const { main } = await import(module("main"));
  const { onStdoutError, reportFailure, stdoutState } = await import(module("output"));
  process.stdout.on("error", onStdoutError);
  const last = (error) => process.exit(reportFailure(error));
  process.on("uncaughtException", last);
  process.on("unhandledRejection", last);
  const code = await main(process.argv);
  // a pipe that breaks after this line still sets exit code 2 (onStdoutError)
  process.exitCode = stdoutState.broken ? 2 : code;
} catch (error) {
  failEarly(error);
}
