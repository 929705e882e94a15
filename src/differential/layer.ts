import { CannotCheckError } from "../domain/errors.ts";
import { inVersionRange, type VersionRange } from "../domain/versions.ts";
import { runAdapter, type Adapter, type Answer } from "./adapter.ts";
import { callReplay, type Agreement } from "./agreement.ts";
import { chooseAdapter } from "./choose.ts";
import type { Release } from "./release.ts";

/**
 * One function of a layer, declared once: the adapters its known shapes need, the inputs a
 * release is judged on, and the model's answer. The differential run, the adapter choice and
 * the rule for a function that is not found are the same for every layer.
 */
export interface LayerFunction<In = any, Out = any> {
  /** the model's name for it (reports, agreement, provenance). */
  function: string;
  /** every known shape; their `releases` ranges say where the function is expected as an export. */
  adapters: readonly Adapter<In, Out>[];
  /** the whole abstract domain at a version. */
  inputs(version: string): readonly In[];
  /** the model's answer at a version; undefined where the model has no such function there. */
  model(version: string): ((input: In) => Out) | undefined;
  /** how a disagreeing input is shown in a report. */
  show(input: In, version: string): Record<string, unknown>;
  /**
   * Where no adapter's range holds a version yet the model answers there, the release keeps this
   * logic inline (no export of its own) and the model stands in: this says so, in a report.
   */
  inline?: string;
  /** what stands in where the logic is inline, when not the model (e.g. the release's own sliced glue). */
  inlineStandIn?: string;
  /**
   * cut by the statement slicer out of a handler's body (inline glue, no export of its own): a
   * handle holding only separate functions has nothing to cut it from, so it is left unchecked.
   */
  cutFromHandler?: boolean;
  /**
   * model rule lists this function is held to besides its own name's (glue compared with a step's
   * list, inline code standing where a helper later became a function), and where: what lets
   * `boundaries` credit a boundary side to it.
   */
  answers?: readonly ({ list: string } & VersionRange)[];
}

/** A layer: a group of functions one handshake step (or a few) is decided by. */
export interface Layer {
  id: string;
  functions: readonly LayerFunction[];
}

/** How one function of one release was judged. */
export interface FunctionRun<In = any, Out = any> {
  fn: LayerFunction<In, Out>;
  /** undefined when the release has no export of it (inline, or outside the model's range). */
  adapter?: Adapter<In, Out>;
  inputs: readonly In[];
  /** the release's answers in input order, when it has the function. */
  answers?: Answer<Out>[];
  agreement: Agreement;
}

/** Every export a layer may call: what a release handle must slice for it, once. */
export function layerExports(layers: readonly Layer[]): string[] {
  const names = layers.flatMap((l) => l.functions.flatMap((f) => f.adapters.flatMap((a) => [a.real, ...Object.keys(a.needs ?? {})])));
  return [...new Set(names)].sort();
}

/** Whether a release of this version is expected to export the function (some known shape was seen there). */
export const expectedAt = (fn: LayerFunction, version: string) => fn.adapters.some((a) => inVersionRange(version, a.releases));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The differential of one function: the release against the model on every input (or the given
 * ones, e.g. seeded random spellings). A function the release is expected to have and does not
 * is "cannot check" (renamed, inlined, or a damaged cache), never the model standing in.
 */
export async function runFunction<In, Out>(fn: LayerFunction<In, Out>, release: Release, inputs: readonly In[] = fn.inputs(release.version)): Promise<FunctionRun<In, Out>> {
  const adapter = chooseAdapter(fn.adapters, release);
  const model = fn.model(release.version);
  if (!adapter) {
    const names = [...new Set(fn.adapters.map((a) => a.real))].join(" or ");
    if (fn.cutFromHandler && release.holdsHandlers === false) {
      const note = `could not check: ${fn.function} is inline glue of the connect handler, which separate functions cannot carry (check the checkout as path: to hold it); the model stands in`;
      return { fn, inputs, agreement: { function: fn.function, status: "not-in-release", cells: 0, mismatches: 0, note } };
    }
    if (expectedAt(fn, release.version)) throw new CannotCheckError(`${names} not found in ${release.ref}: renamed, inlined, or the cache is damaged`);
    const note = model && fn.inline ? `kept inline in ${release.version} (${fn.inline}); ${fn.inlineStandIn ?? "the model"} stands in` : `no ${names} in ${release.version}; the model has none there either`;
    return { fn, inputs, agreement: { function: fn.function, status: "not-in-release", cells: 0, mismatches: 0, note } };
  }
  const answers = await runAdapter(adapter, release, inputs);
  let mismatches = 0;
  let example: Agreement["example"];
  answers.forEach((answer, i) => {
    const want = model ? model(inputs[i]!) : "(the model has no such function at this version)";
    const got = answer.ok ? answer.value : { error: answer.error };
    if (answer.ok && model && same(want, got)) return;
    mismatches++;
    example ??= { input: fn.show(inputs[i]!, release.version), model: want, release: got, replay: callReplay(release.ref, answer.call.fn, answer.call.args) };
  });
  const region = release.region(adapter.real);
  return {
    fn,
    adapter,
    inputs,
    answers,
    agreement: {
      function: fn.function,
      real: adapter.real,
      shape: adapter.shape,
      status: mismatches ? "mismatch" : "agrees",
      cells: answers.length,
      mismatches,
      ...(example ? { example } : {}),
      ...(region ? { note: `sliced from ${region}` } : {}),
    },
  };
}

/** Every function of a layer, in declaration order. */
export async function runLayer(layer: Layer, release: Release): Promise<FunctionRun[]> {
  const runs: FunctionRun[] = [];
  for (const fn of layer.functions) runs.push(await runFunction(fn, release));
  return runs;
}
