import { describe, expect, it } from "vitest";
import { localityModelAt } from "../../src/locality/locality-model.ts";
import { openLocalityRelease } from "../../src/locality/real/open.ts";
import { concreteRequest } from "../../src/locality/request.ts";

/**
 * What counts as "a proxy was involved" for a loopback request, measured on the sliced
 * isLocalDirectRequest around the two changes the model's FORWARDING_HEADERS list was corrected
 * to: x-forwarded-* by name from 5.18, every header by name from 8.1.
 */
const loopbackWith = (headers: Record<string, string>) => concreteRequest({ socketAddress: "127.0.0.1", host: "localhost:18789", headers });
const CASES = {
  "empty X-Forwarded-For": loopbackWith({ "x-forwarded-for": "" }),
  "X-Forwarded-Port": loopbackWith({ "x-forwarded-port": "443" }),
  "empty Forwarded": loopbackWith({ forwarded: "" }),
  "no forwarding header": loopbackWith({}),
};
// isLocalDirectRequest per case, in CASES order
const MEASURED: Record<string, boolean[]> = {
  "2026.5.12": [true, true, true, true],
  "2026.5.18": [false, false, true, true],
  "2026.7.35": [false, false, true, true],
  "2026.8.1": [false, false, false, true],
};

describe.each(Object.entries(MEASURED))("openclaw@%s: forwarding headers on a loopback request", (version, expected) => {
  it("the sliced isLocalDirectRequest and the model give the measured verdicts", async () => {
    const release = await openLocalityRelease(version);
    try {
      const answers = await release.bound.isLocalDirectRequest!.run(Object.values(CASES));
      const named = (values: unknown[]) => Object.fromEntries(Object.keys(CASES).map((k, i) => [k, values[i]]));
      expect(named(answers.map((a) => (a.ok ? a.value : a.error)))).toEqual(named(expected));
      const model = localityModelAt(version);
      expect(named(Object.values(CASES).map((r) => model.isLocalDirectRequest(r).value))).toEqual(named(expected));
    } finally {
      await release.close();
    }
  });
});
