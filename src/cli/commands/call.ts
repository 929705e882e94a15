import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CannotCheckError, EXIT } from "../../domain/errors.ts";
import { CallSession } from "../../impl/call-session.ts";
import { writeStdout } from "../output.ts";

interface CallFlags {
  args?: string;
  batch?: string;
}

/** `call`: replay vectors through a release's sliced function or a model, without a process per call. */
export function registerCall(program: Command, setExit: (code: number) => void): void {
  program
    .command("call")
    .description("print a function's JSON result; --batch replays JSON lines {impl,function,args}")
    .argument("[impl]", "model:<version> or openclaw@<version>")
    .argument("[function]", "the OpenClaw function, e.g. roleCanSkipDeviceIdentity")
    .option("--args <json>", "the arguments as a JSON array")
    .option("--batch <file>", "JSON lines to replay ('-' for stdin); prints one JSON line each")
    .action(async (ref: string | undefined, fn: string | undefined, flags: CallFlags) => {
      const session = new CallSession();
      try {
        if (flags.batch) setExit(await batch(session, flags.batch));
        else setExit(await single(session, ref, fn, flags.args));
      } finally {
        await session.close();
      }
    });
}

async function single(session: CallSession, ref: string | undefined, fn: string | undefined, rawArgs: string | undefined): Promise<number> {
  if (!ref || !fn) throw new CannotCheckError("call needs <impl> <function> --args '<JSON array>' (or --batch FILE)");
  const args = parseArgs(rawArgs ?? "[]");
  const outcome = await session.call(ref, fn, args);
  if (!outcome.ok) throw new CannotCheckError(outcome.error);
  // JSON has no undefined: an undefined result prints nothing (and says so on stderr)
  if ("result" in outcome) writeStdout(JSON.stringify(outcome.result) + "\n");
  else process.stderr.write("(undefined)\n");
  return EXIT.holds;
}

/**
 * One output line per input line, in input order, so a caller can zip them: a blank or
 * malformed line gets an error line too, and every error names its input line number.
 */
async function batch(session: CallSession, file: string): Promise<number> {
  const text = file === "-" ? readFileSync(0, "utf8") : readFile(file);
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop(); // the newline ending the last line starts no line of its own
  for (const [n, line] of lines.entries()) {
    let outcome;
    try {
      if (!line.trim()) throw new Error("blank line");
      const vector = JSON.parse(line) as { impl?: unknown; function?: unknown; args?: unknown };
      if (typeof vector !== "object" || vector === null || typeof vector.impl !== "string" || typeof vector.function !== "string" || !Array.isArray(vector.args)) {
        throw new Error('each line needs {"impl": string, "function": string, "args": [...]}');
      }
      outcome = await session.call(vector.impl, vector.function, vector.args);
    } catch (error) {
      outcome = { ok: false as const, error: (error as Error).message };
    }
    writeStdout(JSON.stringify(outcome.ok ? outcome : { ok: false, line: n + 1, error: `line ${n + 1}: ${outcome.error}` }) + "\n");
  }
  return EXIT.holds;
}

function readFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new CannotCheckError(`cannot read ${file}`);
  }
}

function parseArgs(raw: string): unknown[] {
  let args: unknown;
  try {
    args = JSON.parse(raw);
  } catch {
    throw new CannotCheckError(`--args is not JSON: ${raw}`);
  }
  if (!Array.isArray(args)) throw new CannotCheckError("--args must be a JSON array of arguments");
  return args;
}
