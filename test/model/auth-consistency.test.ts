import { describe, expect, it } from "vitest";
import { connectAuthStateAt } from "../../src/auth/connect-state.ts";
import { isValidAuthCell } from "../../src/auth/auth-cell.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { allCells } from "../../src/domain/enumerate.ts";
import { compareVersions, isPrerelease } from "../../src/domain/versions.ts";
import { authCellOf } from "../../src/model/auth-bridge.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { modelAt } from "../../src/model/model-at.ts";
import { publishedReleases } from "../../src/model/releases.ts";
import { decide } from "../../src/model/rule.ts";

/**
 * The handshake's abstract auth step is a summary; the detailed auth model is the one measured
 * against every release's authorizeGatewayConnect. Holding the summary to the detailed model
 * makes the composed check (locality ∘ auth ∘ policy) rest on measured auth behaviour.
 */
describe("the handshake's auth step agrees with the measured auth model", () => {
  const versions = publishedReleases().map((r) => r.version).filter((v) => !isPrerelease(v) && compareVersions(v, "2026.2.9") >= 0);
  const kindOf = (c: Cell) => `${c.authMode}/${c.credential}/${c.locality}/${c.proxySocket}`;
  const kinds = [...new Map(allCells().map((c) => [kindOf(c), c])).values()];

  it(`for every auth mode, credential and locality, at every release (${versions.length})`, () => {
    for (const version of versions) {
      const model = modelAt(eraOf(version), version);
      // every cell, existing at the release or not (a gate or diff may decide it): the summary answers as the release's function
      for (const cell of kinds) {
        const detailed = authCellOf(cell);
        expect(isValidAuthCell(detailed)).toBe(true);
        const facts = connectAuthStateAt(version, detailed);
        const summary = decide(model.auth, cell).value;
        expect({ version, cell: kindOf(cell), ok: summary.ok, method: summary.method, shared: summary.sharedAuthOk })
          .toEqual({ version, cell: kindOf(cell), ok: facts.authOk, method: facts.authMethod, shared: facts.sharedAuthOk });
      }
    }
  });
});
