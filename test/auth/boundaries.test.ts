import { beforeAll, describe, expect, it } from "vitest";
import { authEraOf } from "../../src/auth/eras/index.ts";
import { agreementOf, authTable, connectStateAgreement } from "../../src/auth/real/agreement.ts";
import type { Agreement } from "../../src/differential/agreement.ts";

/**
 * Both sides of every measured boundary of the auth model (the representative set covers the
 * rest): each release just before and just after a change must agree with the model, so a
 * boundary placed one release off fails here.
 */
const BOUNDARIES: Record<string, [before: string, after: string]> = {
  "trusted-proxy mode": ["2026.2.12", "2026.2.17"],
  "mode none branch": ["2026.2.17", "2026.2.19"],
  "Tailscale only on the WebSocket surface": ["2026.2.19", "2026.2.21"],
  "an explicit secret skips Tailscale": ["2026.4.2", "2026.4.5"],
  "trusted-proxy local password fallback": ["2026.4.26", "2026.4.27"],
  "fallback absent in 5.12 only": ["2026.5.7", "2026.5.18"],
  "ingress attribution": ["2026.7.35", "2026.8.1"],
  "the other secret stands in": ["2026.9.2", "2026.9.3"],
  "redacted secrets refused": ["2026.9.5", "2026.9.6"],
};
const VERSIONS = [...new Set(Object.values(BOUNDARIES).flat())];

const agreements = new Map<string, Agreement>();
beforeAll(async () => {
  // four workers at a time: each holds a sliced release and 20k argument objects
  for (let i = 0; i < VERSIONS.length; i += 4) {
    await Promise.all(VERSIONS.slice(i, i + 4).map(async (v) => agreements.set(v, agreementOf(await authTable(v)))));
  }
}, 900_000);

describe.each(Object.entries(BOUNDARIES))("boundary: %s", (_, [before, after]) => {
  it(`${before} and ${after} both agree with the model`, () => {
    for (const v of [before, after]) {
      const a = agreements.get(v)!;
      expect({ v, status: a.status, example: a.example }).toEqual({ v, status: "agrees", example: undefined });
    }
  });
});

describe("boundary: trusted-proxy counts as shared auth", () => {
  it("2.22 (without) and 2.23 (with) derive sharedAuthOk as modelled", async () => {
    for (const v of ["2026.2.22", "2026.2.23"]) expect((await connectStateAgreement(v)).mismatches).toBe(0);
  });
});

describe("eras", () => {
  it("place the boundary releases in the eras the notes expect", () => {
    expect(["2026.2.19", "2026.2.21", "2026.4.2", "2026.4.5", "2026.7.35", "2026.8.1"].map((v) => authEraOf(v).id)).toEqual(["AP", "A0", "A0", "A1", "A1", "A2"]);
  });
});
