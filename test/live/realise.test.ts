import { describe, expect, it } from "vitest";
import { CELL_FIELDS, type Cell } from "../../src/domain/cell.ts";
import { allCells } from "../../src/domain/enumerate.ts";
import { liveProfile } from "../../src/live/profile.ts";
import { unrealisedReason } from "../../src/live/realise.ts";

const profile = liveProfile("2026.9.6");

describe("live realisation", () => {
  it("refuses a field it does not know unless it has its default (first-listed) value", () => {
    const fields = [...CELL_FIELDS, ["futureField", ["usual", "unusual"]] as const];
    const plain = allCells().find((c) => c.authMode === "token" && c.locality === "local" && c.credential === "secret-ok")!;
    expect(unrealisedReason({ ...plain, futureField: "usual" } as unknown as Cell, profile, undefined, fields)).toBeUndefined();
    expect(unrealisedReason({ ...plain, futureField: "unusual" } as unknown as Cell, profile, undefined, fields)).toMatch(/no realisation for futureField=unusual/);
  });

  it("gives a reason for every value it cannot drive and none for a plain local token connect", () => {
    const plain = allCells().find((c) => c.role === "operator" && c.client === "cli" && c.device === "none" && c.authMode === "token" && c.credential === "secret-ok" && c.locality === "local")!;
    expect(unrealisedReason(plain, profile, undefined)).toBeUndefined();
    expect(unrealisedReason({ ...plain, locality: "remote" }, profile, "no netns here")).toBe("no netns here");
    expect(unrealisedReason({ ...plain, device: "unpaired", credential: "bootstrap-token" }, profile, undefined)).toMatch(/bootstrap/);
    expect(unrealisedReason({ ...plain, authMode: "none", credential: "none", locality: "remote" }, profile, undefined)).toMatch(/auth none/);
    expect(unrealisedReason({ ...plain, role: "superuser" } as unknown as Cell, profile, undefined)).toMatch(/role=superuser/);
  });

  it("realises trusted-proxy local cells through a loopback hop only where that hop is local (before 3.22)", () => {
    const cell = allCells().find((c) => c.authMode === "trusted-proxy" && c.credential === "proxy-ok" && c.locality === "local")!;
    expect(unrealisedReason(cell, liveProfile("2026.3.13"), undefined)).toBeUndefined();
    expect(unrealisedReason(cell, profile, undefined)).toMatch(/never local/);
  });
});
