#!/usr/bin/env node
// clawproof is written in TypeScript and runs from source through tsx, so a clone needs no build step.
// Whatever goes wrong, the user sees one line on stderr and exit code 2 ("could not check");
// the stack trace only with CLAWPROOF_DEBUG=1.
const failEarly = (error) => {
  process.stderr.write(`clawproof: unexpected error: ${String(error?.message ?? error).split("\n")[0]}\n`);
  if (process.env.CLAWPROOF_DEBUG === "1" && error?.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
};
try {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../src/cli/main.ts");
  const { onStdoutError, reportFailure, stdoutState } = await import("../src/cli/output.ts");
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
