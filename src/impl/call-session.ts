import { CannotCheckError } from "../domain/errors.ts";
import { inVersionRange } from "../domain/versions.ts";
import { loadRelease, type ReleaseSlice } from "../release/load.ts";
import { ADAPTERS } from "./release/adapters/index.ts";
import { publishedVersion, resolveModel } from "./resolve-ref.ts";
import { eraOf } from "../model/eras/index.ts";
import { modelAt, modelFunctions } from "../model/model-at.ts";

export type CallOutcome = { ok: true; result?: unknown } | { ok: false; error: string };

/**
 * Calls one function of one implementation with JSON arguments. Releases run the sliced
 * function itself; models answer, in the release's own argument shape, for what they model.
 * A session keeps loaded releases so a batch of vectors costs one slice load per release.
 */
export class CallSession {
  private readonly slices = new Map<string, Promise<ReleaseSlice>>();

  async call(ref: string, fn: string, args: unknown[]): Promise<CallOutcome> {
    try {
      if (ref.startsWith("openclaw@")) return await this.callRelease(publishedVersion(ref.slice("openclaw@".length)), fn, args);
      if (ref.startsWith("model:")) return this.callModel(ref.slice("model:".length), fn, args);
      throw new CannotCheckError(`call needs model:<version> or openclaw@<version>, got "${ref}"`);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private async callRelease(version: string, fn: string, args: unknown[]): Promise<CallOutcome> {
    const key = `${version}\u0000${fn}`;
    if (!this.slices.has(key)) this.slices.set(key, loadRelease(version, [fn]));
    const slice = await this.slices.get(key)!;
    const [result] = await slice.call(fn, [args]);
    if (!result!.ok) return { ok: false, error: result!.error };
    return result!.value === undefined ? { ok: true } : { ok: true, result: result!.value };
  }

  private callModel(spec: string, fn: string, args: unknown[]): CallOutcome {
    const version = resolveModel(spec).version;
    const adapter = ADAPTERS.find((a) => a.real === fn && inVersionRange(version, a.releases));
    if (adapter) {
      const input = adapter.fromArgs(args);
      const out = (modelFunctions(modelAt(eraOf(version), version))[adapter.abstract] as (i: unknown) => unknown)(input);
      return { ok: true, result: adapter.toResult(out, input) };
    }
    throw new CannotCheckError(`model:${spec} does not model ${fn} (at ${version})`);
  }

  async close(): Promise<void> {
    for (const slice of this.slices.values()) await slice.then((s) => s.close(), () => undefined);
  }
}
