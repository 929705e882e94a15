import type { ReleaseSlice } from "../../release/load.ts";
import type { CallResult } from "../../release/runner.ts";
import type { Signature } from "../../impl/release/signature.ts";
import type { ConcreteRequest } from "../request.ts";

/**
 * The locality functions a release is compared on, named as the reference model names them.
 * `ingressAttribution` answers with the attribution's kind only, as the model does.
 */
export const LOCALITY_FUNCTIONS = ["isLoopbackAddress", "resolveClientIp", "isLocalDirectRequest", "ingressAttribution"] as const;
export type LocalityFunction = (typeof LOCALITY_FUNCTIONS)[number];

/** What each function is asked about: an address text, or a whole request with its settings. */
export interface LocalityInputs {
  isLoopbackAddress: string;
  resolveClientIp: ConcreteRequest;
  isLocalDirectRequest: ConcreteRequest;
  ingressAttribution: ConcreteRequest;
}
export interface LocalityOutputs {
  isLoopbackAddress: boolean;
  resolveClientIp: string | undefined;
  isLocalDirectRequest: boolean;
  ingressAttribution: string;
}

/** A release's answer already read into the model's vocabulary, or why there is none. */
export type Outcome<Out> = { ok: true; value: Out } | { ok: false; error: string };
/** An outcome with the call that produced it, so any answer can be replayed on the command line. */
export type Answer<Out> = Outcome<Out> & { call: RealCall };

/** One call a replay command would make: the export and its JSON arguments. */
export interface RealCall {
  fn: string;
  args: unknown[];
}

/**
 * Drives one OpenClaw export of one parameter shape with the model's inputs. Chosen by the sliced
 * signature, never by version. `run` gets every input at once so a function costs one batched
 * round trip to the worker (or a fixed few, when the release's answer is assembled from parts),
 * and returns each answer with the call that reproduces it.
 */
export interface LocalityAdapter<F extends LocalityFunction = LocalityFunction> {
  function: F;
  /** the export whose shape decides the match, and which replay commands call. */
  real: string;
  shape: string;
  /** further exports `run` calls, each checked by its own signature test. */
  needs?: Record<string, (sig: Signature) => boolean>;
  matches(sig: Signature): boolean;
  run(slice: ReleaseSlice, inputs: readonly LocalityInputs[F][]): Promise<Answer<LocalityOutputs[F]>[]>;
}

/** The common case: one export, one call per input, its result read as is. */
export function singleCall<F extends LocalityFunction>(
  spec: Omit<LocalityAdapter<F>, "run"> & {
    toArgs(input: LocalityInputs[F]): unknown[];
    fromResult(value: unknown): LocalityOutputs[F];
  },
): LocalityAdapter<F> {
  const { toArgs, fromResult, ...rest } = spec;
  return {
    ...rest,
    run: async (slice, inputs) => {
      const calls = inputs.map((input) => ({ fn: spec.real, args: toArgs(input) }));
      const results = await callDistinct(slice, spec.real, calls.map((c) => c.args));
      return results.map((r, i) => ({ ...read(r, fromResult), call: calls[i]! }));
    },
  };
}

/**
 * `slice.call` on each distinct argument list once. Many abstract cells differ only in fields a
 * function does not read (Host for the resolver, settings from 3.31), and the release's ipaddr.js
 * parsing dominates the run time, so this cuts a sweep several-fold. The functions are pure in
 * their JSON arguments (a fresh clone per call), so sharing an answer between equal lists is exact.
 */
export async function callDistinct(slice: ReleaseSlice, fn: string, argsList: readonly unknown[][]): Promise<CallResult[]> {
  // an undefined-valued key survives the structured clone, so it is kept apart from an absent one here too
  const keys = argsList.map((args) => JSON.stringify(args, (_k, v: unknown) => (v === undefined ? "\u0000undefined" : v)));
  const slot = new Map<string, number>();
  const distinct: unknown[][] = [];
  keys.forEach((key, i) => {
    if (slot.has(key)) return;
    slot.set(key, distinct.length);
    distinct.push(argsList[i]!);
  });
  const results = await slice.call(fn, distinct);
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

/**
 * Positional parameters by name (a leading underscore, kept-but-unused, still matches); `req`
 * parameters must read nothing beyond what `toIncomingMessage` provides.
 */
export function positionalParams(...names: string[]) {
  return (sig: Signature) =>
    sig.params.length === names.length &&
    names.every((n, i) => sig.params[i]!.replace(/^_/, "") === n) &&
    sig.params.every((p, i) => p !== "req" || sig.reads[i]!.every((f) => f === "headers" || f === "socket"));
}

/** One object parameter whose fields read are all among `known` and include every one of `required`. */
export function objectParam(known: readonly string[], required: readonly string[] = []) {
  return (sig: Signature) =>
    sig.params.length === 1 && sig.reads[0]!.every((f) => known.includes(f)) && required.every((f) => sig.reads[0]!.includes(f));
}
