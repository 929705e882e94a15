import { finalDecisionInputs } from "../../auth/real/final-decision.ts";
import type { FunctionRun } from "../../differential/layer.ts";
import { CREDENTIALS, ROLES, UPGRADES } from "../../domain/cell.ts";
import { CannotCheckError } from "../../domain/errors.ts";
import { showKeyValue, type KeyField } from "../../domain/key-codec.ts";
import type { FinalAuthStep } from "../../model/handshake.ts";
import { AUTH_METHODS } from "../../model/policy-functions.ts";
import type { FinalAuth, FinalAuthInput } from "../../model/stage-types.ts";
import { productIndex } from "./tabulate.ts";

/**
 * The composed handshake's final-auth step on a release: resolveConnectAuthDecision (2.22+), run by
 * the final-auth layer on every final-auth input the handshake can form, kept as a table and
 * looked up per connect. Its two token verifiers are callbacks the layer answers with the model's
 * verifier rules (src/auth/real/final-decision.ts), so what the table measures is the release's
 * own decision around them. An input missing from the table is "cannot check", never the model.
 */

/** The release's answers by final-auth input key (a thrown error kept as `{error}`). */
export interface FinalAnswers {
  real: string;
  answers: Record<string, FinalAuth | { error: string }>;
}

const FIELDS: readonly KeyField[] = [
  ["role", "role", ROLES], ["authOk", "ok", [false, true]], ["method", "method", AUTH_METHODS], ["hasDevice", "device", [false, true]],
  ["credential", "cred", CREDENTIALS], ["deviceToken", "dtoken", [false, true]], ["upgrade", "upgrade", UPGRADES],
];
const indexOf = productIndex(FIELDS);
/** A final-auth input's key in the table (its fields as `name=value`, in a fixed order). */
export const finalAnswerKey = (i: FinalAuthInput) => FIELDS.map(([field, short]) => `${short}=${showKeyValue((i as unknown as Record<string, unknown>)[field])}`).join(",");

/** The layer's run of resolveConnectAuthDecision as a table; undefined where the release has no such function. */
export function finalAnswersOf(run: FunctionRun | undefined): FinalAnswers | undefined {
  if (!run?.adapter || !run.answers) return undefined;
  const answers: FinalAnswers["answers"] = {};
  run.answers.forEach((a, i) => (answers[finalAnswerKey(run.inputs[i] as FinalAuthInput)] = a.ok ? (a.value as FinalAuth) : { error: String(a.error) }));
  return { real: run.adapter.real, answers };
}

/** The release's final-auth step, and how many inputs it answers (for provenance). */
export function releaseFinalAuthStep(table: FinalAnswers, version: string, ref: string): { step: FinalAuthStep; cells: number } {
  const entries: { value: FinalAuth | { error: string }; hit: string }[] = [];
  let cells = 0;
  for (const input of finalDecisionInputs(version)) {
    const value = table.answers[finalAnswerKey(input)];
    if (value === undefined) continue;
    cells++;
    entries[indexOf(input)] = { value, hit: `openclaw:${table.real}=${typeof value === "string" ? value : JSON.stringify(value)}` };
  }
  const step: FinalAuthStep = (input, hit) => {
    const i = indexOf(input);
    const found = i < 0 ? undefined : entries[i];
    if (!found) throw new CannotCheckError(`the final-auth step of ${ref}: ${table.real} was not tabulated for ${finalAnswerKey(input)}`);
    hit(found.hit);
    if (typeof found.value !== "string") throw new Error(`${table.real} threw: ${found.value.error}`);
    return found.value;
  };
  return { step, cells };
}
