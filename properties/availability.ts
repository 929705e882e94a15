import type { Cell } from "../src/domain/cell.ts";
import { admitted, violation, type Property } from "../src/engine/property.ts";
import type { Verdict } from "../src/domain/verdict.ts";

/**
 * Availability properties: bugs that grant too little are bugs too. A release that locks out a
 * client the config and its credential entitle fails these, as a widening fails the others.
 */
export function alwaysAdmitted(spec: {
  id: string;
  statement: string;
  why: string;
  /** first release where the scenario exists at all (a mode or knob arrives), never the release that fixed it. */
  since?: string;
  cells: (c: Cell) => boolean;
  /** what else the admit must carry (scopes, pairing); undefined when any admit will do. */
  grants?: (v: Verdict) => string | undefined;
  message: (c: Cell, v: Verdict) => string;
}): Property {
  return {
    id: spec.id, statement: spec.statement, why: spec.why, kind: "cell", ...(spec.since ? { since: spec.since } : {}),
    // a device asking for more than its approval is not asking for what the config granted
    cells: (c) => c.upgrade === "none" && spec.cells(c),
    check: (c, ctx) => {
      const v = ctx.verdict(c);
      if (!admitted(v)) return violation(spec.message(c, v));
      const short = spec.grants?.(v);
      return short ? violation(short) : undefined;
    },
  };
}

/** The connect authenticates without a device: auth mode none, or the mode's own secret from a direct caller. */
export const authSucceedsWithoutDevice = (c: Cell) =>
  c.authMode === "none" || (c.credential === "secret-ok" && (c.authMode === "token" || c.authMode === "password"));

export const noKnobs = (c: Cell) => !c.allowInsecureAuth && !c.dangerouslyDisableDeviceAuth;
