import type { VersionRange } from "../domain/versions.ts";
import type { CallResult } from "../release/runner.ts";
import type { Release } from "./release.ts";
import { signatureOf, type Signature } from "./signature.ts";

/** A release's answer already read into the model's vocabulary, or why there is none. */
export type Outcome<Out> = { ok: true; value: Out } | { ok: false; error: string };
/** One call a replay command would make: the export and its JSON arguments. */
export interface RealCall {
  fn: string;
  args: unknown[];
}
/** An outcome with the call that produced it, so any answer can be replayed on the command line. */
export type Answer<Out> = Outcome<Out> & { call: RealCall };

/**
 * Drives one OpenClaw export of one parameter shape from a layer's abstract inputs and back.
 * Adapters are chosen by the sliced function's own signature, never by version: `releases` only
 * records where the shape was seen (it says which releases are expected to have the function,
 * and picks a shape when a model answers `call`).
 */
export interface Adapter<In = any, Out = any> {
  /** the export whose shape decides the match, and which replay commands call. */
  real: string;
  shape: string;
  releases: VersionRange;
  matches(sig: Signature): boolean;
  /** further exports the adapter calls, each with its own signature test. */
  needs?: Record<string, (sig: Signature) => boolean>;
  /** how the shape is read when the export delegates its params to helpers; default: its own signature. */
  read?(source: string): Signature | undefined;
  toArgs(input: In): unknown[];
  fromResult(value: unknown, input: In): Out;
  /** answers assembled from several calls (the 8.1 ingress attribution); default: one batched call per distinct args. */
  run?(release: Release, inputs: readonly In[]): Promise<Answer<Out>[]>;
  /** the reverse direction, for `call model:<v> <fn>`: release-shaped args to the model's input and back. */
  fromArgs?(args: unknown[]): In;
  toResult?(out: Out, input: In): unknown;
}

/** The shape an adapter reads off a release: its own `read`, else the export's signature. */
export function shapeOf(adapter: Adapter, release: Release): Signature | undefined {
  return adapter.read ? adapter.read(release.source(adapter.real)) : release.signature(adapter.real);
}

/** Every input through the adapter: its own `run`, or one batched call with each distinct argument list once. */
export async function runAdapter<In, Out>(adapter: Adapter<In, Out>, release: Release, inputs: readonly In[]): Promise<Answer<Out>[]> {
  if (adapter.run) return adapter.run(release, inputs);
  const calls = inputs.map((input) => ({ fn: adapter.real, args: adapter.toArgs(input) }));
  const results = await callDistinct(release, adapter.real, calls.map((c) => c.args));
  return results.map((r, i) => ({ ...read(r, (v) => adapter.fromResult(v, inputs[i]!)), call: calls[i]! }));
}

/**
 * `release.call` on each distinct argument list once. Many inputs differ only in fields a function
 * does not read, and the functions are pure in their JSON arguments (a fresh clone per call), so
 * sharing one answer between equal lists is exact.
 */
export async function callDistinct(release: Pick<Release, "call">, fn: string, argsList: readonly unknown[][]): Promise<CallResult[]> {
  // an undefined-valued key survives the structured clone, so it is kept apart from an absent one here too
  const keys = argsList.map((args) => JSON.stringify(args, (_k, v: unknown) => (v === undefined ? "\u0000undefined" : v)));
  const slot = new Map<string, number>();
  const distinct: unknown[][] = [];
  keys.forEach((key, i) => {
    if (slot.has(key)) return;
    slot.set(key, distinct.length);
    distinct.push(argsList[i]!);
  });
  const results = await release.call(fn, distinct);
  return keys.map((key) => results[slot.get(key)!]!);
}

/** A worker result read with `fromResult`; a result of the wrong type becomes an error outcome, not a throw. */
export function read<Out>(result: CallResult, fromResult: (value: unknown) => Out): Outcome<Out> {
  if (!result.ok) return result;
  try {
    return { ok: true, value: fromResult(result.value) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export function expectType<T>(fn: string, type: "boolean" | "string", value: unknown, orUndefined = false): T {
  if (typeof value === type || (orUndefined && value === undefined)) return value as T;
  throw new Error(`${fn} returned ${JSON.stringify(value) ?? "undefined"}, expected a ${type}${orUndefined ? " or undefined" : ""}`);
}

export const expectBoolean = (fn: string, value: unknown): boolean => expectType<boolean>(fn, "boolean", value);

/** Positional parameters by name; a leading underscore (kept but unused) still matches, `*` matches any. */
export function positional(...names: string[]) {
  return (sig: Signature) => sig.params.length === names.length && names.every((n, i) => n === "*" || sig.params[i]!.replace(/^_/, "") === n);
}

/** One object parameter whose fields read are all among `known` and include every one of `required`. */
export function objectParam(known: readonly string[], required: readonly string[] = []) {
  return (sig: Signature) =>
    sig.params.length === 1 && sig.reads[0]!.every((f) => known.includes(f)) && required.every((f) => sig.reads[0]!.includes(f));
}

/** The first positional argument as an object, for `fromArgs`. */
export const obj = (args: unknown[], at = 0) => (args[at] ?? {}) as Record<string, any>;

/** A signature read off an emitted source, for adapters whose `read` starts from the export's own. */
export const ownSignature = (name: string) => (source: string) => signatureOf(source, name);

/** The same adapter fed a wrapper of its input (e.g. a labelled probe around a request). */
export function onInputOf<Outer, In, Out>(adapter: Adapter<In, Out>, inner: (outer: Outer) => In): Adapter<Outer, Out> {
  const { run, fromArgs: _from, toResult: _to, ...rest } = adapter;
  return {
    ...rest,
    toArgs: (outer) => adapter.toArgs(inner(outer)),
    fromResult: (value, outer) => adapter.fromResult(value, inner(outer)),
    ...(run ? { run: (release: Release, inputs: readonly Outer[]) => run(release, inputs.map(inner)) } : {}),
  };
}
