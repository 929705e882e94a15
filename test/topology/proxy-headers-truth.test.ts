/**
 * The pairing ground truth hands the pairing-locality code the release's own sliced
 * glueHasProxyHeaders answer on the topology's concrete request: the answer names that glue, and
 * an implementation whose hasProxyHeaders differs changes the ground-truth result.
 */
import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { COLD } from "../release/env.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { resolveImplementation } from "../../src/impl/resolve-ref.ts";
import { localityCells } from "../../src/locality/locality-domain.ts";
import { observedRequest } from "../../src/pairing-locality/truth-probe.ts";
import { checkImpl } from "../helpers/check.ts";

// 5.18 reads hasProxyHeaders in resolvePairingLocality and holds the property; before 8.1 the glue reads the headers themselves
const VERSION = "2026.5.18";
const PROPERTY = "remote-origin-never-silently-paired";

const withProxyHeaders = (impl: Implementation, value: boolean): Implementation =>
  ({ ...impl, handshakeGlue: { ...impl.handshakeGlue!, hasProxyHeaders: () => ({ value, by: "fake:hasProxyHeaders" }) } });

describe(`openclaw@${VERSION}: the pairing ground truth's hasProxyHeaders`, () => {
  it("is the release's sliced glueHasProxyHeaders on the concrete request, and the result follows it", { timeout: COLD * 2 }, async () => {
    const impl = await resolveImplementation(`openclaw@${VERSION}`);
    const proxied = observedRequest(localityCells().find((c) => c.topology === "same-host-proxy")!);
    expect(impl.handshakeGlue!.hasProxyHeaders(proxied, undefined)).toEqual({ value: true, by: "openclaw:glueHasProxyHeaders" });
    expect(checkImpl(impl, [PROPERTY]).properties[0]!.status).toBe("holds");
    // a handshake that never sees the proxy's headers classes the proxied remote client local
    const blind = checkImpl(withProxyHeaders(impl, false), [PROPERTY]).properties[0]!;
    expect(blind.status).toBe("violated");
    expect(JSON.stringify(blind)).toContain("fake:hasProxyHeaders=false");
  });
});
