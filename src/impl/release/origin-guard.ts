import { CannotCheckError } from "../../domain/errors.ts";
import type { FunctionRun } from "../../differential/layer.ts";
import type { OriginGuardInput } from "../../glue/origin-guard.ts";
import type { OriginAppliesInput, OriginClient } from "../../model/origin-helper-rules.ts";
import type { OriginGuard, OriginHelpers } from "../../model/origin-step.ts";
import type { HitCounter } from "../../model/rule.ts";

/**
 * Before 9.2 the origin step's call-site condition is the `if` around checkBrowserOrigin in the
 * connect handler. The glue layer slices it and runs it on every input; this is that run kept as
 * a table (stored with the glue layer), and the table as the guard the handshake composes, so
 * the release's own code decides whether the Origin is checked, as resolveGatewayWsBrowserOrigin
 * does from 9.2.
 */
export interface OriginGuardTable {
  /** the glue export that answered (glueOriginGuardHandler, glueOriginGuardAdmit). */
  real: string;
  /** every input with the release's answer (a thrown error kept as such). */
  answers: { input: OriginGuardInput; answer: boolean | { error: string } }[];
}

/** The guard's run as a table; undefined where the release has no sliced guard (9.2+, or a handle holding no handler code). */
export function originGuardTable(run: FunctionRun<OriginGuardInput, boolean>): OriginGuardTable | undefined {
  if (!run.adapter || !run.answers) return undefined;
  return { real: run.adapter.real, answers: run.answers.map((a, i) => ({ input: run.inputs[i]!, answer: a.ok ? a.value : { error: a.error } })) };
}

const keyOf = (client: OriginClient, enforce: boolean) => `${client}/${enforce}`;

/**
 * The table as the call site's condition: the release's answer for the connect's client and the
 * browser security context's any-client flag, which is all the sliced guard reads (the slicer
 * fails closed on anything else). An input the table lacks is "cannot check", never a guess.
 */
export function releaseOriginGuard(table: OriginGuardTable, ref: string): (input: OriginAppliesInput, hit: HitCounter) => boolean {
  // asked once per cell: answers by client, then by the flag, with their trail entries built once
  const at: Partial<Record<OriginClient, { answer: OriginGuardTable["answers"][number]["answer"]; hit: string }[]>> = {};
  for (const { input, answer } of table.answers) (at[input.client] ??= [])[+input.enforce] = { answer, hit: `openclaw:${table.real}=${JSON.stringify(answer)}` };
  return (input, hit) => {
    const found = at[input.client]?.[+input.enforceOriginCheckForAnyClient];
    if (!found) throw new CannotCheckError(`${table.real} of ${ref} was not tabulated for client=${input.client},enforce=${input.enforceOriginCheckForAnyClient}`);
    hit(found.hit);
    if (typeof found.answer === "object") throw new Error(`${table.real} threw: ${found.answer.error}`);
    return found.answer;
  };
}

/**
 * Whether the guard's answer depends on the any-client flag for some client. ≤2.24 the handler's
 * guard reads no such flag (the release has no browser security context to compute it), so the
 * context the release lacks decides nothing there; from 2.25 it does, and the release's own
 * context must answer it.
 */
export function guardReadsAnyClientFlag(table: OriginGuardTable): boolean {
  const byKey = new Map(table.answers.map(({ input, answer }) => [keyOf(input.client, input.enforce), JSON.stringify(answer)]));
  return table.answers.some(({ input }) => byKey.get(keyOf(input.client, !input.enforce)) !== byKey.get(keyOf(input.client, input.enforce)));
}

/**
 * The origin step's helpers with the call site's guard replaced by the release's own (the other
 * two as given). Built once and reporting to the running handshake's counter, like the helpers it
 * wraps (the handshake runs synchronously, so no two counters are in use at once).
 */
export function withOriginGuard(helpers: (hit: HitCounter) => OriginHelpers, guard: (input: OriginAppliesInput, hit: HitCounter) => boolean): (hit: HitCounter) => OriginHelpers {
  let current: HitCounter = () => {};
  const relay: HitCounter = (id) => current(id);
  const applies: OriginGuard = (input) => guard(input, relay);
  let base: OriginHelpers | undefined;
  let composed: OriginHelpers | undefined;
  return (hit) => {
    current = hit;
    const given = helpers(hit);
    if (given !== base) (base = given), (composed = { context: given.context, check: given.check, applies });
    return composed!;
  };
}
