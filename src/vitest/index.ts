/**
 * `clawproof/vitest`: the connect policy's properties as tests in a project's own vitest suite.
 *
 *   import { describeConnectPolicy } from "clawproof/vitest";
 *   describeConnectPolicy({ impl: "path:.", base: "auto" });
 *
 * registers one test per property, one per agreement between the real functions and the model,
 * and one for the gate against the base; a failing test's message carries the counterexample and
 * the command that replays it. The check runs once, while vitest collects the suite.
 */
import { describe, expect, test } from "vitest";
import { check, gate, resolve } from "../api/run.ts";
import { DEFAULT_SEED } from "../engine/random.ts";
import type { Envelope, GateReport } from "../engine/gate.ts";
import type { Implementation } from "../impl/implementation.ts";
import { counterexampleLines } from "../report/counterexample-lines.ts";
import { gateFailed, gateText } from "../report/gate-text.ts";

export { cellArb, type CellConstraints } from "./arbitraries.ts";
export { fromFunctions, type FromFunctionsOptions } from "./functions.ts";

export interface ConnectPolicyOptions {
  /** a ref (`path:.`, `openclaw@2026.9.6`, `model:pr-48285`) or an implementation (e.g. from fromFunctions). */
  impl: string | Implementation;
  /** base for relational properties and the gate: a ref, an implementation, or `auto` (a checkout's own release). */
  base?: string | Implementation;
  /** widenings the gate accepts. */
  envelope?: Envelope;
  /** property ids; every property when absent. */
  properties?: readonly string[];
  /** seed of the random pass and a release's random spellings (default 1, so reruns are identical). */
  seed?: number;
  /** name of the describe block (default: clawproof <impl>). */
  name?: string;
}

export function describeConnectPolicy(opts: ConnectPolicyOptions): void {
  const label = typeof opts.impl === "string" ? opts.impl : opts.impl.ref;
  describe(opts.name ?? `clawproof ${label}`, async () => {
    const seed = opts.seed ?? DEFAULT_SEED;
    const impl = typeof opts.impl === "string" ? await resolve(opts.impl, { seed }) : opts.impl;
    const result = await check(impl, { seed, ...(opts.base ? { base: opts.base } : {}), ...(opts.properties ? { properties: opts.properties } : {}) });

    for (const p of result.properties) {
      test(`property ${p.id}`, (ctx) => {
        const unchecked = (p.unchecked ?? []).reduce((n, u) => n + u.cells, 0);
        if (p.status === "violated") {
          const lines = [`${p.id}: ${p.violations} of ${p.cells} cells violate. ${p.statement}`, ...(p.counterexample ? counterexampleLines(p.counterexample) : [])];
          expect.fail(lines.join("\n"));
        }
        // cells the implementation could not decide are never passed over in silence
        if (unchecked) expect.fail(`${p.id}: ${unchecked} cells could not be checked (${(p.unchecked ?? []).map((u) => u.reason).join("; ")})`);
        if (p.status === "not-applicable") ctx.skip(p.note ?? "not applicable");
      });
    }
    for (const a of result.agreement ?? []) {
      test(`agreement ${a.function}`, (ctx) => {
        if (a.status === "mismatch") expect.fail(`${a.function}: the real code and the model differ on ${a.mismatches} of ${a.cells} inputs\n${JSON.stringify(a.example, null, 2)}`);
        if (a.status !== "agrees") ctx.skip(a.note ?? a.status);
      });
    }
    if (opts.base !== undefined) {
      let report: GateReport | undefined;
      let error: Error | undefined;
      try {
        report = await gate(opts.base, impl, opts.envelope);
      } catch (e) {
        error = e as Error;
      }
      test("gate: no widening outside the envelope, no narrowing", () => {
        if (error) expect.fail(`gate could not run: ${error.message}`);
        if (gateFailed({ report: report! })) expect.fail(`${gateText({ report: report! })}replay: npx clawproof gate ${report!.base} ${report!.head}`);
      });
    }
  });
}
