import { AUTH_FIELDS, authCellKey, parseAuthCellKey, presentsSecret, type AuthCell } from "../../auth/auth-cell.ts";
import { connectAuthFacts, sharedOnlyCell } from "../../auth/connect-state.ts";
import type { AuthOutcome } from "../../auth/outcome.ts";
import { showOutcome } from "../../auth/outcome.ts";
import { drivenByConnectState } from "../../auth/real/layer.ts";
import type { FunctionRun } from "../../differential/layer.ts";
import { allCells } from "../../domain/enumerate.ts";
import { CannotCheckError } from "../../domain/errors.ts";
import { authCellOf } from "../../model/auth-bridge.ts";
import type { AuthStep } from "../../model/handshake.ts";
import type { AuthMethod } from "../../model/policy-functions.ts";
import type { AuthFacts } from "../../model/stage-types.ts";
import type { Cell } from "../../domain/cell.ts";
import { productIndex } from "./tabulate.ts";

/**
 * The composed handshake's auth step on a release: the release's own auth functions, run by the
 * auth layers on every auth cell, kept (with those layers) as tables on the few auth cells a
 * connect cell stands for (authCellOf), and looked up per connect. resolveConnectAuthState (2.22+)
 * answers the facts itself; where only authorizeGatewayConnect is sliced (or on the Tailscale-serve
 * cells resolveConnectAuthState is not driven on), its full and shared-secret-only outcomes are
 * turned into the facts by the model's resolveConnectAuthState rules, and the step says so.
 */

/** One auth function's answers by auth cell key (a thrown error kept as `{error}`). */
export interface AuthAnswers {
  real: string;
  answers: Record<string, unknown>;
  /** the keys of the auth cells some connect cell stands for, kept with the table so a check need not walk every connect cell again. */
  asked: string[];
}

/** What the handshake reads of the release's auth layers. */
export interface AuthTables {
  /** resolveConnectAuthState's {authOk, authMethod, sharedAuthOk}, where the release has it sliced. */
  state?: AuthAnswers;
  /** authorizeGatewayConnect's outcome, on the connect's auth cells and their shared-secret-only twins. */
  authorize?: AuthAnswers;
}

const indexOf = productIndex(AUTH_FIELDS);

let asked: readonly AuthCell[] | undefined;

/** The auth cells some connect cell stands for, once each. */
export function askedAuthCells(): readonly AuthCell[] {
  if (asked) return asked;
  const seen = new Map<number, AuthCell>();
  for (const cell of allCells()) {
    const auth = authCellOf(cell);
    const i = indexOf(auth);
    if (!seen.has(i)) seen.set(i, auth);
  }
  return (asked = Object.freeze([...seen.values()]));
}

/** The auth cells the tables keep: the asked ones, and the shared-secret-only auth run beside each that presents a secret. */
function tabledIndices(): Set<number> {
  const cells = askedAuthCells().flatMap((c) => (presentsSecret(c) ? [c, sharedOnlyCell(c)] : [c]));
  return new Set(cells.map(indexOf));
}

/** A layer's run of an auth function, kept on the tabled auth cells; undefined where the release has no such function. */
export function authAnswersOf(run: FunctionRun | undefined): AuthAnswers | undefined {
  if (!run?.adapter || !run.answers) return undefined;
  const keep = tabledIndices();
  const answers: Record<string, unknown> = {};
  run.answers.forEach((a, i) => {
    const cell = run.inputs[i] as AuthCell;
    if (keep.has(indexOf(cell))) answers[authCellKey(cell)] = a.ok ? a.value : { error: a.error };
  });
  return { real: run.adapter.real, answers, asked: askedAuthCells().map(authCellKey) };
}

type Entry = { facts: AuthFacts; hit: string } | { error: string };
const errorOf = (v: unknown) => (typeof v === "object" && v !== null && "error" in v ? String((v as { error: unknown }).error) : undefined);

/** Which function decides how many of the asked auth cells (for provenance). */
export interface AuthStepSources {
  state?: { real: string; cells: number };
  /** authorizeGatewayConnect with the model's derivation: every asked cell where there is no state, the Tailscale-serve ones beside it. */
  authorize?: { real: string; cells: number };
  /** asked cells neither table answers: the step cannot be checked there. */
  missing: number;
}

export interface ReleaseAuthStep {
  step: AuthStep;
  sources: AuthStepSources;
  /** why a connect cell cannot be decided (its auth cell is in neither table), or undefined. */
  unrealised(cell: Cell): string | undefined;
}

/**
 * The release's auth step, or undefined where it has neither auth function sliced (the model's
 * stage stands in). An auth cell missing from its table is "cannot check", never the model.
 */
export function releaseAuthStep(tables: AuthTables, version: string, ref: string): ReleaseAuthStep | undefined {
  const { state, authorize } = tables;
  if (!state && !authorize) return undefined;
  const fromState: Entry[] = [];
  const fromAuthorize: Entry[] = [];
  if (authorize) {
    for (const [key, full] of Object.entries(authorize.answers)) {
      const cell = parseAuthCellKey(key);
      // resolveConnectAuthState runs the full auth on the WebSocket surface, so only those cells are a connect's
      if (cell.surface !== "ws-control-ui" || (state && drivenByConnectState(cell))) continue;
      const shared = presentsSecret(cell) ? authorize.answers[authCellKey(sharedOnlyCell(cell))] : undefined;
      if (presentsSecret(cell) && shared === undefined) continue;
      const error = errorOf(full) ?? errorOf(shared);
      const pair = { cell, full: full as AuthOutcome, sharedOnly: shared as AuthOutcome | undefined };
      const derived = error === undefined ? connectAuthFacts(version, pair) : undefined;
      fromAuthorize[indexOf(cell)] = derived
        ? { facts: { ok: derived.authOk, method: derived.authMethod, sharedAuthOk: derived.sharedAuthOk },
          hit: `openclaw:${authorize.real}=${showOutcome(pair.full)}${pair.sharedOnly ? `;shared-secret-only=${showOutcome(pair.sharedOnly)}` : ""}` }
        : { error: `${authorize.real} threw: ${error}` };
    }
  }
  if (state) {
    for (const [key, value] of Object.entries(state.answers)) {
      const error = errorOf(value);
      const v = value as { authOk: boolean; authMethod: AuthMethod; sharedAuthOk: boolean };
      fromState[indexOf(parseAuthCellKey(key))] = error !== undefined ? { error: `${state.real} threw: ${error}` }
        : { facts: { ok: v.authOk, method: v.authMethod, sharedAuthOk: v.sharedAuthOk }, hit: `openclaw:${state.real}=${JSON.stringify(value)}` };
    }
  }
  const sources: AuthStepSources = { missing: 0 };
  for (const key of new Set([...(state?.asked ?? []), ...(authorize?.asked ?? [])])) {
    const i = indexOf(parseAuthCellKey(key));
    const source = fromState[i] ? (sources.state ??= { real: state!.real, cells: 0 }) : fromAuthorize[i] ? (sources.authorize ??= { real: authorize!.real, cells: 0 }) : undefined;
    if (source) source.cells++;
    else sources.missing++;
  }
  const names = [state?.real, authorize?.real].filter(Boolean).join(" or ");
  const unrealised = (cell: Cell) => {
    const auth = authCellOf(cell);
    const i = indexOf(auth);
    return fromState[i] ?? fromAuthorize[i] ? undefined : `the auth step of ${ref}: ${names} was not tabulated for auth cell ${authCellKey(auth)}`;
  };
  const step: AuthStep = (cell, hit) => {
    const i = indexOf(authCellOf(cell));
    const found = fromState[i] ?? fromAuthorize[i];
    if (!found) throw new CannotCheckError(unrealised(cell)!);
    if ("error" in found) throw new Error(found.error);
    hit(found.hit);
    return found.facts;
  };
  return { step, sources, unrealised };
}
