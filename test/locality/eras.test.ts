import { describe, expect, it } from "vitest";
import type { RuleList } from "../../src/model/rule.ts";
import { RESOLVE_CLIENT_IP } from "../../src/locality/eras/client-ip.ts";
import { FORWARDING_HEADERS } from "../../src/locality/eras/forwarding-headers.ts";
import { L0 } from "../../src/locality/eras/l0.ts";
import { LOCAL_DIRECT_SOCKET_ONLY } from "../../src/locality/eras/l2.ts";
import { INGRESS_ATTRIBUTION } from "../../src/locality/eras/l3.ts";
import { LOOPBACK_BY_IPADDR, LOOPBACK_BY_PREFIX } from "../../src/locality/eras/loopback.ts";
import { localityEraOf, localityModelAt } from "../../src/locality/locality-model.ts";

describe("locality eras", () => {
  it.each([
    ["2026.2.9", "L0"],
    ["2026.2.21", "L0"],
    ["2026.2.22", "L1"],
    ["2026.3.28", "L1"],
    ["2026.3.31-beta.1", "L1"],
    ["2026.3.31", "L2"],
    ["2026.7.35", "L2"],
    ["2026.8.1", "L3"],
    ["2026.9.6", "L3"],
  ])("%s is in %s", (version, era) => {
    expect(localityEraOf(version).id).toBe(era);
    expect(localityModelAt(version).era).toBe(era);
  });

  it("an era refuses versions outside its range", () => {
    expect(() => L0.modelAt("2026.9.6")).toThrow(/does not hold/);
  });

  it("only L3 attributes ingress", () => {
    expect(localityModelAt("2026.7.35").ingressAttribution).toBeUndefined();
    expect(localityModelAt("2026.8.1").ingressAttribution).toBeDefined();
  });

  it("every rule has a unique id and a one-line why, and every list ends in a catch-all", () => {
    const lists: RuleList<never, unknown>[] = [LOOPBACK_BY_PREFIX, LOOPBACK_BY_IPADDR, RESOLVE_CLIENT_IP, FORWARDING_HEADERS, LOCAL_DIRECT_SOCKET_ONLY, INGRESS_ATTRIBUTION] as never;
    const ids = lists.flatMap((l) => l.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const list of lists) {
      for (const rule of list.rules) expect(rule.why.trim().length > 0 && !rule.why.includes("\n"), rule.id).toBe(true);
      expect(list.rules.at(-1)!.when(undefined as never), list.name).toBe(true);
    }
  });
});
