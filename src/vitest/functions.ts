/**
 * `fromFunctions`: an implementation built from policy functions a test imports itself (from the
 * checkout it lives in), with no slicing. They go through the same release handle, adapters and
 * differential as sliced code: shapes are read from their source text, their answers tabulated
 * over each function's domain and composed with the era's handshake glue.
 */
import { createHash, randomUUID } from "node:crypto";
import { CannotCheckError } from "../domain/errors.ts";
import { isVersion } from "../domain/versions.ts";
import type { Release } from "../differential/release.ts";
import { signatureOf, type Signature } from "../differential/signature.ts";
import type { Implementation } from "../impl/implementation.ts";
import { releaseImplementation } from "../impl/release/release-impl.ts";
import { FUNCTION_MARKER, type CallResult } from "../release/runner.ts";

type AnyFunction = (...args: never[]) => unknown;

export interface FromFunctionsOptions {
  /** the calendar version whose era (handshake glue, domains) applies, e.g. the checkout's package.json version. */
  version: string;
  /** how reports name it (default `functions:<version>`). */
  ref?: string;
}

export async function fromFunctions(functions: Record<string, AnyFunction>, opts: FromFunctionsOptions): Promise<Implementation> {
  if (!isVersion(opts.version)) throw new CannotCheckError(`fromFunctions: "${opts.version}" is not a calendar version (e.g. 2026.9.6)`);
  const names = Object.keys(functions).filter((n) => typeof functions[n] === "function");
  const sources = new Map(names.map((n) => [n, declarationText(n, functions[n]!)]));
  const signatures = new Map<string, Signature | undefined>();
  // a function's behaviour can depend on what it closes over, so its tables are never reused across runs
  const integrity = `functions-${createHash("sha256").update(randomUUID()).digest("hex").slice(0, 32)}`;
  const release: Release = {
    ref: opts.ref ?? `functions:${opts.version}`,
    version: opts.version,
    integrity,
    decider: "source",
    holdsHandlers: false,
    sliced: names,
    imports: { bare: [], node: [] },
    present: (name) => sources.has(name),
    source: (name) => sources.get(name) ?? "",
    signature(name) {
      if (!signatures.has(name)) signatures.set(name, sources.has(name) ? signatureOf(sources.get(name)!, name) : undefined);
      return signatures.get(name);
    },
    region: () => undefined,
    call: async (fn, argsList) => callInProcess(functions[fn], argsList),
    close: async () => {},
  };
  return releaseImplementation(release, { kind: "checkout", origin: `functions passed to fromFunctions (${names.join(", ") || "none"})` });
}

/** The function's text as a declaration of `name`, so its parameter shape is read as a sliced one's is. */
function declarationText(name: string, fn: AnyFunction): string {
  const text = fn.toString();
  if (/^(?:async\s+)?function\b/.test(text)) return `const ${name} = ${text};`;
  if (/^(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>/.test(text)) return `const ${name} = ${text};`;
  // a method (`name(params) { … }`) reads as a function expression once prefixed
  return `const ${name} = function ${text.replace(/^async\s+/, "")};`;
}

/**
 * Calls as the slice worker does (src/release/worker.mjs): function markers in the arguments
 * revived, awaited when async, errors as one line, results that would not survive the worker's
 * structured clone reported as errors, so in-process and sliced answers compare alike.
 */
async function callInProcess(fn: AnyFunction | undefined, argsList: unknown[][]): Promise<CallResult[]> {
  const out: CallResult[] = [];
  for (const args of argsList) {
    try {
      if (!fn) throw new Error("not passed to fromFunctions");
      let value = (fn as (...a: unknown[]) => unknown)(...structuredClone(args).map(revive));
      if (value && typeof (value as Promise<unknown>).then === "function") value = await value;
      out.push({ ok: true, value: structuredClone(value) });
    } catch (error) {
      out.push({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error) });
    }
  }
  return out;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === FUNCTION_MARKER) {
    const { returns, async } = (record[FUNCTION_MARKER] ?? {}) as { returns?: unknown; async?: boolean };
    return async ? async () => structuredClone(returns) : () => structuredClone(returns);
  }
  return Object.fromEntries(keys.map((k) => [k, revive(record[k])]));
}
