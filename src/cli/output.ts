import { writeFileSync } from "node:fs";
import { CannotCheckError, EXIT } from "../domain/errors.ts";

/** Set once stdout's reader went away (`clawproof table … | head`): nothing more is written to it. */
export const stdoutState = { broken: false };

/** Writes a report to --out or stdout. */
export function emit(text: string, out?: string): void {
  if (out) {
    try {
      writeFileSync(out, text);
    } catch (error) {
      throw new CannotCheckError(`cannot write --out ${out}: ${errorLine(error)}`);
    }
  } else writeStdout(text);
}

/** Every stdout write goes through here, so a closed pipe stops output instead of throwing. */
export function writeStdout(text: string): void {
  if (!stdoutState.broken) process.stdout.write(text);
}

export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CannotCheckError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

/** A whole number that survives a round trip through a double (seeds are printed and replayed). */
export function integer(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CannotCheckError(`--${option} must be a whole number (got "${value}")`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new CannotCheckError(`--${option} must be at most ${Number.MAX_SAFE_INTEGER} (got "${value}")`);
  return n;
}

/** An error as the one line the CLI prints: its message's first line, with the errno code when it adds something. */
export function errorLine(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === "string" && e.message ? e.message.split("\n")[0]! : String(error);
  return typeof e?.code === "string" && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

const debugging = () => process.env.CLAWPROOF_DEBUG === "1";

/**
 * The last word on any failure: one line on stderr and "could not check". The stack is for
 * clawproof's developers and is printed only with CLAWPROOF_DEBUG=1.
 */
export function reportFailure(error: unknown): number {
  const known = error instanceof CannotCheckError;
  process.stderr.write(`clawproof: ${known ? error.message.split("\n")[0] : `unexpected error: ${errorLine(error)}`}\n`);
  if (debugging() && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT.cannotCheck;
}

/** A closed stdout (the reader of a pipe exited) ends the run as "could not check", in one line. */
export function onStdoutError(error: NodeJS.ErrnoException): void {
  if (stdoutState.broken) return;
  stdoutState.broken = true;
  process.exitCode = EXIT.cannotCheck;
  const line = error.code === "EPIPE" ? "stdout was closed before the report was written in full (broken pipe)" : `cannot write to stdout: ${errorLine(error)}`;
  process.stderr.write(`clawproof: ${line}\n`);
  if (debugging() && error.stack) process.stderr.write(`${error.stack}\n`);
}
