import type { Cell } from "../domain/cell.ts";
import {
  BROWSER_CONTEXT, BROWSER_ORIGIN_CHECK, ORIGIN_CHECK_APPLIES,
  type BrowserContext, type BrowserContextInput, type OriginAppliesInput, type OriginCheckInput, type OriginCheckResult, type OriginClient,
} from "./origin-helper-rules.ts";
import { decide, rulesAt, type HitCounter, type RuleList } from "./rule.ts";

/**
 * The call site's guard: whether the Origin is checked at all for this connect. The model's is
 * its ORIGIN_CHECK_APPLIES list; a release supplies its own, resolveGatewayWsBrowserOrigin from
 * 9.2 and before that the connect handler's inline `if` the glue layer slices (originGuard).
 */
export type OriginGuard = (input: OriginAppliesInput) => boolean;

/**
 * The three helpers the origin step chains, each supplied by the implementation: the model's
 * lists, or a release's own sliced functions (its sliced inline guard as `applies` before 9.2).
 * The step composes whichever it is given and keeps no copy of their logic.
 */
export interface OriginHelpers {
  context(input: BrowserContextInput): BrowserContext;
  applies: OriginGuard;
  check(input: OriginCheckInput): OriginCheckResult;
}

/** What the origin step knows once the helpers answered: whether the Origin is checked, and the check's answer. */
export interface OriginStepInput {
  /** the connect itself, for rules (and patches) that name its fields. */
  cell: Cell;
  checked: boolean;
  result: OriginCheckResult;
}

const clientOf = (cell: Cell): OriginClient => (cell.client === "control-ui" ? "control-ui" : cell.client === "webchat" ? "webchat" : "other");

/**
 * A connect cell as the helpers' abstract inputs. The cell's gateway names its own loopback page
 * in gateway.controlUi.allowedOrigins (what a non-loopback bind seeds, and what the live runs
 * write explicitly), so `loopback` is an allowed Origin and `foreign` one the allowlist does not
 * name; the Host-header fallback knob is off. The Host header is the gateway's own address as
 * the client dialled it (loopback for a local client, the LAN address for a remote one), or the
 * foreign page's name rebound to the gateway.
 */
export function cellOriginInputs(cell: Cell): { context: BrowserContextInput; client: OriginClient; check: OriginCheckInput } {
  const isLocalClient = cell.locality === "local";
  return {
    context: { origin: cell.origin, hasProxyHeaders: cell.forwarded, loopbackClientIp: isLocalClient },
    client: clientOf(cell),
    check: {
      origin: cell.origin,
      host: cell.hostHeader === "origin" ? "rebound" : isLocalClient ? "loopback" : "lan",
      allowlist: "loopback",
      fallback: false,
      isLocalClient,
    },
  };
}

/** The origin step's input for one cell: the context, then the call site's condition, then the check. */
export function originStepInput(cell: Cell, helpers: OriginHelpers): OriginStepInput {
  const inputs = cellOriginInputs(cell);
  const { enforceOriginCheckForAnyClient } = helpers.context(inputs.context);
  const checked = helpers.applies({ client: inputs.client, enforceOriginCheckForAnyClient, origin: cell.origin });
  // the release calls checkBrowserOrigin only where the call site checks; unchecked connects need no answer
  return { cell, checked, result: checked ? helpers.check(inputs.check) : { ok: true } };
}

/** The helper lists an era model carries (every era the same dated lists). */
export interface OriginHelperLists {
  originCheck: RuleList<OriginCheckInput, OriginCheckResult>;
  browserContext: RuleList<BrowserContextInput, BrowserContext>;
  originApplies: RuleList<OriginAppliesInput, boolean>;
}

export const ORIGIN_HELPER_LISTS: OriginHelperLists = {
  originCheck: BROWSER_ORIGIN_CHECK,
  browserContext: BROWSER_CONTEXT,
  originApplies: ORIGIN_CHECK_APPLIES,
};

/** The model's helpers from lists already resolved at one version, counting rule hits. */
export function modelOriginHelpers(lists: OriginHelperLists, hit?: HitCounter): OriginHelpers {
  return {
    context: (i) => decide(lists.browserContext, i, hit).value,
    applies: (i) => decide(lists.originApplies, i, hit).value,
    check: (i) => decide(lists.originCheck, i, hit).value,
  };
}

/** The model's helpers at one version (the origin layer's model side). */
export function originHelpersAt(version: string, lists: OriginHelperLists = ORIGIN_HELPER_LISTS): OriginHelpers {
  return modelOriginHelpers({
    originCheck: rulesAt(lists.originCheck, version),
    browserContext: rulesAt(lists.browserContext, version),
    originApplies: rulesAt(lists.originApplies, version),
  });
}
