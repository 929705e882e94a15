import fc from "fast-check";
import { sha256 } from "../release/cache.ts";
import { checkImplementation, type CheckOptions } from "../engine/check.ts";
import type { ImplResult } from "../engine/results.ts";
import type { Implementation } from "../impl/implementation.ts";
import { derivedFromRelease } from "../impl/release/derived-cache.ts";

/** Everything a check reads besides the release: all of clawproof's sources and the properties with their exceptions. */
const CHECK_SOURCES = [".", "../properties"] as const;

/**
 * One implementation's check; for sliced code, the check a warm run already made of it. Checking a
 * release is a pure function of the release's code (its integrity), of clawproof's own sources
 * (engine, properties and accepted exceptions, models, every layer) and of the run's options, so
 * its result is kept like the layers' derived tables: keyed by the integrity and a digest of every
 * source file, checked against its own hash when read, computed afresh when absent, damaged or made
 * by other sources. A run over part of the domain (`--cell`, `--connection`) or against a base is
 * always computed. Both paths hand back the stored JSON form, so a cold and a warm run render the
 * same bytes.
 */
export async function checkOrReuse(impl: Implementation, options: CheckOptions): Promise<ImplResult> {
  const whole = !options.cells && !options.connections && !options.base && !impl.base;
  if (impl.integrity === undefined || !whole) return checkImplementation(impl, options);
  // fast-check's version too: the random pass's draws are its generators'
  const run = {
    ref: impl.ref, kind: impl.kind, title: impl.title, seed: options.seed, randomRuns: options.randomRuns, fastCheck: fc.__version,
    properties: options.properties.map((p) => p.id), exceptions: options.exceptions.map((e) => e.id),
  };
  const kind = `check-${sha256(JSON.stringify(run)).slice(0, 16)}`;
  return derivedFromRelease<ImplResult>(kind, impl.integrity, CHECK_SOURCES, async () => JSON.parse(JSON.stringify(checkImplementation(impl, options))));
}
