/**
 * The live boundary registry holds to the model (no gateway runs here; `npm run test:live` runs
 * them in test/live/boundaries.live.ts): every rule it names exists and is dated at the boundary,
 * the releases are the published ones either side, the pattern selects cells at both, the model's
 * verdicts differ across on some of them, and the harness can realise those. So a registered
 * boundary that could show nothing live fails here first.
 */
import { describe, expect, it } from "vitest";
import { cellKey, matchesPattern, parseCellPattern } from "../../src/domain/cell-key.ts";
import { cellsAt } from "../../src/domain/enumerate.ts";
import { releaseModel } from "../../src/impl/model-impl.ts";
import { LIVE_BOUNDARIES, type LiveBoundary } from "../../src/live/boundaries.ts";
import { boundaryCells } from "../../src/live/boundary-cells.ts";
import { releasesAround, ruleBoundaries } from "../../src/live/boundary-list.ts";
import { liveProfile } from "../../src/live/profile.ts";
import { unrealisedReason } from "../../src/live/realise.ts";
import { ERAS } from "../../src/model/eras/index.ts";
import { isPublished } from "../../src/model/releases.ts";
import type { Rule } from "../../src/model/rule.ts";
import { clawproof } from "../helpers/cli.ts";

function modelRules(): Map<string, Rule<unknown, unknown>> {
  const rules = new Map<string, Rule<unknown, unknown>>();
  for (const era of ERAS) {
    for (const value of Object.values(era)) {
      const list = value as { rules?: Rule<unknown, unknown>[] };
      if (Array.isArray(list?.rules)) for (const rule of list.rules) rules.set(rule.id, rule);
    }
  }
  return rules;
}

describe("live boundary registry", () => {
  const rules = modelRules();
  it.each(LIVE_BOUNDARIES.map((b) => [b.id, b] as const))("%s: its rules exist and are dated at the boundary, between the published releases either side", (_, b) => {
    expect(new Set(LIVE_BOUNDARIES.map((x) => x.id)).size).toBe(LIVE_BOUNDARIES.length);
    for (const id of b.rules) {
      const rule = rules.get(id);
      expect(rule, `rule ${id}`).toBeDefined();
      expect([rule!.since, rule!.until], `rule ${id} starts or ends at ${b.after}`).toContain(b.after);
    }
    expect(isPublished(b.before) && isPublished(b.after)).toBe(true);
    expect(releasesAround(b.after)).toEqual({ before: b.before, after: b.after });
  });

  it.each(LIVE_BOUNDARIES.map((b) => [b.id, b] as const))("%s: the model differs across it on cells of its pattern that the harness realises on both releases", (_, b) => {
    const { cells, telling, realisable, unrealisable } = boundaryCells(b);
    expect(cells.length).toBeGreaterThan(0);
    expect(realisable.length).toBeGreaterThan(0);
    expect(realisable.length + unrealisable.length).toBe(telling.length);
    for (const version of [b.before, b.after]) {
      const unrealised = realisable.map((c) => [cellKey(c), unrealisedReason(c, liveProfile(version), undefined)]).filter(([, why]) => why);
      expect(unrealised, `cells of ${b.id} the harness cannot realise on ${version}`).toEqual([]);
    }
  });

  it("a boundary the model does not change across tells nothing (the check can fail)", () => {
    const flat: LiveBoundary = { ...LIVE_BOUNDARIES[0]!, before: "2026.2.25", after: "2026.2.26" };
    expect(boundaryCells(flat).cells.length).toBeGreaterThan(0);
    expect(boundaryCells(flat).telling).toEqual([]);
    expect(boundaryCells(flat).realisable).toEqual([]);
  });

  it("the listing names every registered boundary's rules as measured live, and marks the rest", () => {
    const listed = ruleBoundaries();
    for (const b of LIVE_BOUNDARIES) {
      for (const id of b.rules) {
        expect(listed.filter((r) => r.rule === id && r.after === b.after).map((r) => r.how)).toEqual(["live"]);
      }
    }
    // every dated boundary is measured (sliced on each side or run live) or its rule says it is not: none is left "dated otherwise"
    expect([...new Set(listed.map((r) => r.how))].sort()).toEqual(["live", "sliced", "unmeasured"]);
    expect(listed.filter((r) => r.how === "unmeasured").map((r) => `${r.rule} ${r.side}`)).toEqual([
      "backend-pairing.device-token until", "backend-pairing.local-device-token since", "backend-pairing.local-shared-secret since",
      "pairing.backend-skip until", "pairing.backend-skip-new-device since", "pairing.control-ui-skip until", "pairing.control-ui-skip-new-device since",
    ]);
    // the marker names one end: the other end of the same rule is still credited to the slices that see it
    expect(listed.find((r) => r.rule === "backend-pairing.device-token" && r.side === "since")?.how).toBe("sliced");
    // 2.9/2.12's inline scope handling is sliced by scopeClearGlue, the 2.22-1–2.24 operator skip run live on both boundaries
    expect(listed.filter((r) => ["scopes.never-cleared", "pairing.operator-shared-auth-skip"].includes(r.rule)).map((r) => `${r.how}: ${r.detail}`)).toEqual([
      expect.stringMatching(/^sliced: scopeClearGlue \(glue layer\) sliced on both sides/),
      expect.stringMatching(/^live: live on 2026.2.21 and 2026.2.22-1/),
      expect.stringMatching(/^live: live on 2026.2.24 and 2026.2.25/),
    ]);
  });

  it("a boundary is listed as sliced by whichever layer slices its function on both sides, the origin layer's included", () => {
    const how = (rule: string, side: "since" | "until") => ruleBoundaries().find((r) => r.rule === rule && r.side === side);
    // 3.1 → 3.2: checkBrowserOrigin on both sides (origin layer)
    expect(how("origin-check.local-loopback", "since")).toMatchObject({ how: "sliced", before: "2026.3.1", after: "2026.3.2" });
    expect(how("origin-check.local-loopback", "since")?.detail).toMatch(/^checkBrowserOrigin \(origin layer\) sliced on both sides/);
    // 2.24 → 2.25: the function first appears in 2.25, so its own slice cannot date it; 2.24's sliced guard (which reads no context) stands before it
    expect(how("browser-context.proxied", "since")?.detail).toBe("originGuard (glue layer) on 2026.2.24, resolveHandshakeBrowserSecurityContext (origin layer) on 2026.2.25, each sliced and held to the model on its side");
  });
});

describe("clawproof boundaries (no gateway)", () => {
  it("lists each registered boundary as live, with its releases, and a rule it does not know is exit 2", () => {
    const run = clawproof("boundaries", "--rule", "silent.local");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("live: live on 2026.2.24 and 2026.2.25 (boundary silent-pairing-consults-origin");
    const bad = clawproof("boundaries", "--rule", "no.such-rule");
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual(["clawproof: --rule no.such-rule: no dated rule of the model has that id"]);
  });
});

describe("model corrections from live boundary runs (2026-12-01)", () => {
  const verdicts = (version: string, key: string) => {
    const pattern = parseCellPattern(key);
    const model = releaseModel(version);
    return new Set(cellsAt(version).filter((c) => matchesPattern(c, pattern)).map((c) => {
      const v = model.decide(c);
      return v.outcome === "admit" ? `admit ${v.pairing}` : v.reason;
    }));
  };

  it("2.24's inline silent pairing pairs a local CLI device silently whatever its Origin; 2.25 refuses one with a browser Origin", () => {
    const local = "role=node,client=cli,device=unpaired,auth=token,cred=secret-ok,loc=local,insecure=0,ddda=0";
    expect(verdicts("2026.2.24", `${local},origin=loopback`)).toEqual(new Set(["admit silent"]));
    expect(verdicts("2026.2.24", `${local},origin=foreign`)).toEqual(new Set(["admit silent"]));
    expect(verdicts("2026.2.25", `${local},origin=loopback`)).toEqual(new Set(["pairing-required"]));
    expect(verdicts("2026.2.25", `${local},origin=none`)).toEqual(new Set(["admit silent"]));
  });

  it("2.19's inline bypass already ignores the device under dangerouslyDisableDeviceAuth: a Control UI with a device and no token is refused as device-less", () => {
    // live 2.19 and 2.21 (2026-12-01): "device identity required" on both, where the model had 2.19 keep the device (unauthorized)
    const cui = "client=control-ui,ddda=1,loc=local,auth=token,cred=none,origin=loopback,upgrade=none,fwd=0,host=gateway,dtok=0";
    for (const version of ["2026.2.19", "2026.2.21"]) {
      expect(verdicts(version, `${cui},device=paired`)).toEqual(new Set(["device-required"]));
      expect(verdicts(version, `${cui},device=unpaired`)).toEqual(new Set(["device-required"]));
    }
  });
});
