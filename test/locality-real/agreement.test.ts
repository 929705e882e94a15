import { describe, expect, it } from "vitest";
import { ADDRESS_CLASSES, ADDRESS_CLASS_EXAMPLES } from "../../src/locality/address-class.ts";
import { localityCells } from "../../src/locality/locality-domain.ts";
import { localityAgreement } from "../../src/locality/real/agreement.ts";
import { randomRequests } from "../../src/locality/real/inputs.ts";
import { RANDOM_RUNS, REPRESENTATIVE, SEED, WITH_INGRESS } from "./env.ts";

const EXAMPLES = ADDRESS_CLASSES.reduce((n, cls) => n + ADDRESS_CLASS_EXAMPLES[cls].length, 0);
const RANDOM_ADDRESSES = ADDRESS_CLASSES.length * RANDOM_RUNS;
const REQUESTS = localityCells().length + randomRequests(SEED, RANDOM_RUNS).length;

describe.each(REPRESENTATIVE)("openclaw@%s: sliced locality functions against the model", (version) => {
  it("agree on every abstract cell and every random spelling, for every function the release has", async () => {
    const agreement = await localityAgreement(version, { seed: SEED, randomRuns: RANDOM_RUNS });
    const byFn = Object.fromEntries(agreement.map((a) => [a.function, a]));

    for (const a of agreement.filter((x) => x.status !== "not-in-release")) {
      expect({ fn: a.function, status: a.status, mismatches: a.mismatches, example: a.example }).toEqual({ fn: a.function, status: "agrees", mismatches: 0, example: undefined });
    }
    expect(byFn.isLoopbackAddress).toMatchObject({ real: "isLoopbackAddress", cells: EXAMPLES + RANDOM_ADDRESSES, note: "sliced from src/gateway/net.ts" });
    expect(byFn.resolveClientIp).toMatchObject({ real: "resolveClientIp", cells: REQUESTS });
    expect(byFn.isLocalDirectRequest).toMatchObject({ real: "isLocalDirectRequest", cells: REQUESTS });
    if (WITH_INGRESS.includes(version)) expect(byFn.ingressAttribution).toMatchObject({ real: "resolveGatewayIngressAttribution", status: "agrees", cells: REQUESTS });
    else expect(byFn.ingressAttribution).toMatchObject({ status: "not-in-release", cells: 0 });
  });
});
