/**
 * Before 9.2 whether the origin step checks the Origin at all is the connect handler's inline
 * guard, and the release's own slice of it decides that in the composed handshake: a wrong guard
 * table changes the verdict, the release implementation's trail carries the guard's answer, and
 * the origin step's provenance says sliced only where the guard and every helper it needs are.
 */
import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { layerExports, runFunction } from "../../src/differential/layer.ts";
import { openPublished } from "../../src/differential/open.ts";
import type { Release } from "../../src/differential/release.ts";
import { GLUE_LAYER } from "../../src/glue/layer.ts";
import { ORIGIN_GUARD, originGuardInputs } from "../../src/glue/origin-guard.ts";
import { guardReadsAnyClientFlag, originGuardTable, type OriginGuardTable } from "../../src/impl/release/origin-guard.ts";
import { provenanceOf, type LayerSummary } from "../../src/impl/release/provenance.ts";
import { originStepOf } from "../../src/impl/release/release-impl.ts";
import { resolveImplementation } from "../../src/impl/resolve-ref.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { runHandshake } from "../../src/model/handshake.ts";
import { modelAt, modelFunctions } from "../../src/model/model-at.ts";

/** Row 2's release: the inline guard checks the Control UI and WebChat only. */
const VERSION = "2026.2.24";
const model = modelAt(eraOf(VERSION), VERSION);

/** A local operator with the right token and a foreign page's Origin, claiming to be `client`. */
const foreignPage = (client: Cell["client"]): Cell => ({
  role: "operator", client, device: "none", authMode: "token", credential: "secret-ok", locality: "local", origin: "foreign",
  allowInsecureAuth: false, dangerouslyDisableDeviceAuth: false, upgrade: "none", forwarded: false, hostHeader: "gateway", withDeviceToken: false, proxySocket: "lan",
});

/** The handshake with the given guard table as the call site's condition (every other function the model's). */
const composed = (table: OriginGuardTable, cell: Cell) =>
  runHandshake(cell, model, (h) => modelFunctions(model, h), () => {}, originStepOf({ ref: `openclaw@${VERSION}` }, model, { [GLUE_LAYER.id]: { originGuard: table } }));

const flipped = (table: OriginGuardTable): OriginGuardTable => ({ ...table, answers: table.answers.map((a) => ({ ...a, answer: a.answer !== true })) });

describe(`openclaw@${VERSION}: the release's sliced origin guard decides whether the Origin is checked`, () => {
  it("its own guard lets the CLI's foreign Origin through and refuses the Control UI's; the guard flipped does the opposite", { timeout: COLD }, async () => {
    const release = await openPublished(VERSION, layerExports([GLUE_LAYER]));
    let table: OriginGuardTable | undefined;
    try {
      table = originGuardTable(await runFunction(ORIGIN_GUARD, release));
    } finally {
      await release.close();
    }
    expect(table?.real).toBe("glueOriginGuardHandler");
    const cli = composed(table!, foreignPage("cli"));
    expect(cli.reason).not.toBe("origin-not-allowed");
    expect(cli.rules).toContain("openclaw:glueOriginGuardHandler=false");
    expect(composed(table!, foreignPage("control-ui"))).toMatchObject({ outcome: "reject", reason: "origin-not-allowed" });
    // a wrong guard table: the composed verdicts follow it, so the table is what decides
    expect(composed(flipped(table!), foreignPage("cli"))).toMatchObject({ outcome: "reject", reason: "origin-not-allowed" });
    expect(composed(flipped(table!), foreignPage("control-ui")).reason).not.toBe("origin-not-allowed");
  });

  it("the release implementation composes it: its trail carries the guard's answer, and provenance names the guard", { timeout: COLD * 2 }, async () => {
    const impl = await resolveImplementation(`openclaw@${VERSION}`);
    expect(impl.decide(foreignPage("cli")).rules).toContain("openclaw:glueOriginGuardHandler=false");
    expect(impl.decide(foreignPage("control-ui")).rules).toContain("openclaw:glueOriginGuardHandler=true");
    expect(impl.provenance.find((p) => p.step === "origin")).toMatchObject({
      decidedBy: "sliced", detail: expect.stringMatching(/^the call site's condition: the release's sliced glueOriginGuardHandler on \d+ inputs .*checkBrowserOrigin on \d+ inputs/),
    });
  });
});

describe("the origin step's provenance before 9.2", () => {
  const release = { version: "2026.3.8", decider: "sliced" } as Release;
  const at = modelAt(eraOf(release.version), release.version);
  const on = (...fns: string[]): LayerSummary => ({ sliced: Object.fromEntries(fns.map((fn) => [fn, { real: fn === "originGuard" ? "glueOriginGuardHandler" : fn, cells: 6 }])), agreement: [] });
  const origin = (layers: LayerSummary[], reads?: boolean) =>
    // every release has its locality sliced; provenance reads it for that step
    provenanceOf(release, at, [on("isLocalDirectRequest"), ...layers], reads === undefined ? undefined : { readsAnyClientFlag: reads }).find((p) => p.step === "origin")!;

  it("a guard whose answer follows the any-client flag reads it; one that ignores it does not", () => {
    const table = (answer: (enforce: boolean) => boolean): OriginGuardTable => ({ real: "g", answers: originGuardInputs().map((input) => ({ input, answer: answer(input.enforce) })) });
    expect(guardReadsAnyClientFlag(table((enforce) => enforce))).toBe(true);
    expect(guardReadsAnyClientFlag(table(() => false))).toBe(false);
  });

  it("is sliced with the guard, the context and the check sliced, or without the context where the guard reads no flag", () => {
    expect(origin([on("originGuard", "resolveHandshakeBrowserSecurityContext", "checkBrowserOrigin")], true).decidedBy).toBe("sliced");
    expect(origin([on("originGuard", "checkBrowserOrigin")], false)).toMatchObject({ decidedBy: "sliced", detail: expect.stringContaining("reads no any-client flag") });
  });

  it("is the model where the guard is not sliced, or the context it reads is missing, and says which", () => {
    const note = "could not check: originGuard is inline glue of the connect handler";
    const noGuard = origin([{ ...on("resolveHandshakeBrowserSecurityContext", "checkBrowserOrigin"), agreement: [{ function: "originGuard", status: "not-in-release", cells: 0, mismatches: 0, note }] }]);
    expect(noGuard).toMatchObject({ decidedBy: "model", detail: expect.stringContaining(note) });
    expect(origin([on("originGuard", "checkBrowserOrigin")], true)).toMatchObject({ decidedBy: "model", detail: expect.stringContaining("resolveHandshakeBrowserSecurityContext: not in this release") });
  });
});
