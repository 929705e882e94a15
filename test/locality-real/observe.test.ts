import { beforeAll, describe, expect, it } from "vitest";
import { localityCells, observeLocality } from "../../src/locality/locality-domain.ts";
import { realLocality, type RealLocality } from "../../src/locality/real/observe.ts";

/** One release per meaning of "local client": host-aware (L1, before and after 3.22), socket-only (L2), ingress (L3). */
const ERAS = { L1: "2026.3.13", "L1 from 3.22": "2026.3.22", L2: "2026.4.9", L3: "2026.9.6" };

const tables = new Map<string, RealLocality>();
beforeAll(async () => {
  for (const v of Object.values(ERAS)) tables.set(v, await realLocality(v));
});

describe.each(Object.entries(ERAS))("realLocality, %s (openclaw@%s)", (_era, version) => {
  it("observes every abstract cell as the model does: isLocalClient, and the ingress kind where there is one", () => {
    const real = tables.get(version)!;
    const differing = localityCells().filter((cell) => {
      const model = observeLocality(version, cell);
      const seen = real.observe(cell);
      return seen.isLocalClient !== model.isLocalClient.value || seen.ingressKind !== model.ingressKind;
    });
    expect(differing).toEqual([]);
  });

  it("carries an agreement for every function, on the abstract inputs only", () => {
    const agreement = tables.get(version)!.agreement;
    expect(agreement.map((a) => a.function)).toEqual(["isLoopbackAddress", "resolveClientIp", "isLocalDirectRequest", "ingressAttribution"]);
    for (const a of agreement) expect(a.status, a.function).not.toBe("mismatch");
    expect(agreement.find((a) => a.function === "resolveClientIp")!.cells).toBe(localityCells().length);
  });
});

describe("realLocality", () => {
  it("in L3 a loopback request on an ordinary listener is local only when attributed direct-local", () => {
    const real = tables.get(ERAS.L3)!;
    const cells = localityCells().filter((c) => c.topology === "same-host-tcp-relay" && c.host === "absent");
    for (const cell of cells) expect(real.observe(cell).isLocalClient).toBe(real.observe(cell).ingressKind === "direct-local");
    expect(cells.some((c) => real.observe(c).isLocalClient)).toBe(true);
    expect(cells.some((c) => !real.observe(c).isLocalClient)).toBe(true);
  });

  it("before 8.1 there is no ingress kind, and a cell outside the domain is refused", () => {
    const real = tables.get(ERAS.L2)!;
    expect(real.observe(localityCells()[0]!).ingressKind).toBeUndefined();
    expect(() => real.observe({ ...localityCells()[0]!, host: "nope" as never })).toThrow(/no locality tabulated/);
  });
});
