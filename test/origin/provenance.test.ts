import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { CheckReportSchema } from "../../src/engine/results.ts";
import { clawproof } from "../helpers/cli.ts";

const originStep = (version: string) => {
  const run = clawproof("check", `openclaw@${version}`, "--property", "foreign-origin-rejected", "--format", "json");
  const impl = CheckReportSchema.parse(JSON.parse(run.stdout)).impls[0]!;
  return { code: run.code, origin: impl.provenance.find((p) => p.step === "origin")!, property: impl.properties[0]! };
};

describe("check openclaw@<version>: what decides the origin step", () => {
  it("9.6: the release's own three helpers, the call site's condition included (resolveGatewayWsBrowserOrigin)", { timeout: 300_000 }, () => {
    const { code, origin, property } = originStep("2026.9.6");
    expect(origin.decidedBy).toBe("sliced");
    for (const fn of ["resolveGatewayWsBrowserOrigin", "resolveHandshakeBrowserSecurityContext", "checkBrowserOrigin"]) expect(origin.detail).toContain(fn);
    expect({ code, status: property.status }).toEqual({ code: 0, status: "holds" });
  });

  it("3.8: the release's own slice of the inline call-site condition, composing its sliced context and checkBrowserOrigin; the GHSA-5wcw-8jjv-m286 cells fail", { timeout: 300_000 }, () => {
    const { code, origin, property } = originStep("2026.3.8");
    expect(origin.decidedBy).toBe("sliced");
    // the inline condition is the release's own statement-level slice of it (glue layer), composed with its helpers
    expect(origin.detail).toMatch(/^the call site's condition: the release's sliced glueOriginGuard\w+ on \d+ inputs.*resolveHandshakeBrowserSecurityContext on \d+ inputs, checkBrowserOrigin on \d+ inputs/);
    expect({ code, status: property.status }).toEqual({ code: 1, status: "violated" });
    // the counterexample names the release's own context answer that let the proxied Origin through, then its guard's
    expect(property.counterexample?.verdict?.rules?.[0]).toMatch(/^openclaw:resolveHandshakeBrowserSecurityContext=.*"enforceOriginCheckForAnyClient":false/);
    expect(property.counterexample?.verdict?.rules?.[1]).toBe("openclaw:glueOriginGuardHandler=false");
  });
});
