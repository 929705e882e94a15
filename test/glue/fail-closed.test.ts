/**
 * What the glue layer does when the statement slicer had nothing to give: an anchor a known shape
 * expects and the release lacks is "cannot check" naming it, a statement in a shape no adapter
 * knows is "unsupported shape", and where no shape is expected the report says who answers.
 */
import { describe, expect, it } from "vitest";
import { runFunction } from "../../src/differential/layer.ts";
import { CannotCheckError } from "../../src/domain/errors.ts";
import { PAIRING_GLUE, PROXY_GLUE } from "../../src/glue/layer.ts";
import { ORIGIN_GUARD } from "../../src/glue/origin-guard.ts";
import { fakeRelease } from "../helpers/fake-release.ts";

describe("the glue layer fails closed", () => {
  it("a release that should carry the pairing glue and does not is exit 2, naming every export it looked for", async () => {
    const run = runFunction(PAIRING_GLUE, fakeRelease({}, "openclaw@2026.5.18", "2026.5.18"));
    await expect(run).rejects.toThrow(CannotCheckError);
    await expect(run).rejects.toThrow(/gluePairingSilentLocal or gluePairingSilentPlan or gluePairingSilentRequest not found in openclaw@2026\.5\.18/);
  });

  it("a statement that reads inputs no adapter knows is an unsupported shape, never fed a guess", async () => {
    const odd = "export function glueHasProxyHeaders({ upgradeReq, trustedProxies }) { return false; }";
    await expect(runFunction(PROXY_GLUE, fakeRelease({ glueHasProxyHeaders: odd }, "openclaw@2026.5.18", "2026.5.18")))
      .rejects.toThrow(/unsupported shape: glueHasProxyHeaders reads \{upgradeReq,trustedProxies\} in openclaw@2026\.5\.18/);
  });

  it("from 9.2 the Origin guard is a function of its own: the glue layer says the model has none there, the origin layer judges it", async () => {
    const run = await runFunction(ORIGIN_GUARD, fakeRelease({}, "openclaw@2026.9.6", "2026.9.6"));
    expect(run.agreement).toMatchObject({ status: "not-in-release", cells: 0, note: expect.stringMatching(/the model has none there either/) });
  });
});
