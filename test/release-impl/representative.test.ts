import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellsAt } from "../../src/domain/enumerate.ts";
import { sameDecision } from "../../src/domain/verdict.ts";
import { diffImplementations } from "../../src/engine/diff.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { releaseModel } from "../../src/impl/model-impl.ts";
import { newestRelease } from "../../src/model/releases.ts";
import { checkImplementation } from "../../src/engine/check.ts";
import { ACCEPTED_EXCEPTIONS, findProperty } from "../../properties/index.ts";
import { releaseLoader } from "../helpers/releases.ts";

/** The representative releases the issue names, plus the newest published one. */
export const REPRESENTATIVE = ["2026.2.26", "2026.3.11", "2026.3.13", "2026.3.22", "2026.4.9", "2026.5.12", "2026.6.10", "2026.8.1", newestRelease()];

const releaseImplementation = releaseLoader(REPRESENTATIVE);
const loaded = new Map<string, Implementation>();
beforeAll(async () => {
  // fetched once into the project's cache (downloaded ahead in this order); later runs are warm
  for (const version of REPRESENTATIVE) loaded.set(version, await releaseImplementation(version));
}, 900_000);

describe.each(REPRESENTATIVE)("openclaw@%s against its era model", (version) => {
  it("agrees with the model on every input of every sliced function", () => {
    const impl = loaded.get(version)!;
    const sliced = impl.agreement!.filter((a) => a.status !== "not-in-release");
    expect(sliced.length).toBeGreaterThanOrEqual(6);
    for (const a of sliced) expect({ fn: a.function, mismatches: a.mismatches, example: a.example }).toEqual({ fn: a.function, mismatches: 0, example: undefined });
    expect(sliced.find((a) => a.function === "evaluateMissingDeviceIdentity")?.cells).toBe(2048);
  });

  it("never admits a remote-origin device-less node through any topology, with its own locality functions", () => {
    const impl = loaded.get(version)!;
    expect(impl.provenance.find((p) => p.step === "locality")).toMatchObject({ decidedBy: "sliced" });
    const result = checkImplementation(impl, { properties: [findProperty("remote-origin-node-needs-identity")!], randomRuns: 0, seed: 1, exceptions: ACCEPTED_EXCEPTIONS });
    expect(result.properties[0]!.status).toBe("holds");
  });

  it("decides every cell of the handshake as the model does", () => {
    const impl = loaded.get(version)!;
    const model = releaseModel(version);
    const differing = cellsAt(version).filter((c) => !sameDecision(impl.decide(c), model.decide(c)));
    expect(differing).toEqual([]);
  });
});

describe("release facts", () => {
  it("lists every import a slice pulled in", () => {
    const old = loaded.get("2026.3.13")!;
    expect(old.notes.join("\n")).toMatch(/imports pulled in:/);
    expect(old.notes.join("\n")).toMatch(/sliced: .*evaluateMissingDeviceIdentity/);
  });

  it("diff openclaw@2026.3.11 openclaw@2026.3.13: the sliced functions change no node cell; only the glue measured live on 3.13 does", () => {
    // both are representative releases, loaded above
    const diff = diffImplementations(loaded.get("2026.3.11")!, loaded.get("2026.3.13")!);
    expect(diff.changes.some((c) => c.cell.role === "operator")).toBe(true);
    // the handshake rule a live 3.13 gateway showed (a node's device token; a browser client without its Origin is
    // refused in every release, by the sliced checkBrowserOrigin): 3.13's own resolveConnectAuthDecision refuses the
    // token because its verifier callback, which the model answers from that rule, says no
    const node = diff.changes.filter((c) => c.cell.role === "node");
    expect(node.length).toBeGreaterThan(0);
    const refusedToken = (c: (typeof node)[number]) =>
      (c.cell.credential === "device-token" || c.cell.withDeviceToken) && c.head.rules.includes("openclaw:resolveConnectAuthDecision=unauthorized");
    expect(node.filter((c) => !refusedToken(c))).toEqual([]);
    expect(diff.head).toBe("openclaw@2026.3.13");
  });
});

afterAll(() => loaded.clear());
