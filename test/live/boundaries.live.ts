/**
 * Every registered model boundary, measured on real gateways of the releases either side of it
 * (`boundaries --live`): each must agree with the model at both releases, on every cell of its
 * pattern the harness realises, and every realisable cell that tells the sides apart must have
 * been realised on both. Installs the releases on first use (about a minute each), then reads
 * the live cache; CLAWPROOF_LIVE_REOBSERVE=1 asks the gateways again.
 */
import { describe, expect, it } from "vitest";
import { LIVE_BOUNDARIES } from "../../src/live/boundaries.ts";
import { measureBoundary } from "../../src/live/boundary-live.ts";
import { netnsUnavailable } from "../../src/live/netns.ts";

describe.skipIf(netnsUnavailable())("registered boundaries on live gateways", () => {
  it.each(LIVE_BOUNDARIES.map((b) => [b.id, b] as const))("%s agrees with the model on both releases", async (_, b) => {
    const result = await measureBoundary(b);
    const sides = result.sides.map((s) => ({ version: s.version, seconds: Math.round(s.seconds), error: s.error, mismatches: s.mismatches.map((m) => m.cell) }));
    console.log(`${b.id}: ${result.status} ${JSON.stringify(sides.map(({ version, seconds }) => ({ version, seconds })))}`);
    expect({ status: result.status, why: result.why, sides }).toEqual({
      status: "agrees", why: undefined, sides: sides.map((s) => ({ ...s, error: undefined, mismatches: [] })),
    });
    expect(result.realisable).toBeGreaterThan(0);
  });
});
