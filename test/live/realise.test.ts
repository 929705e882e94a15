import { describe, expect, it } from "vitest";
import { CELL_FIELDS, type Cell } from "../../src/domain/cell.ts";
import { allCells } from "../../src/domain/enumerate.ts";
import { liveProfile } from "../../src/live/profile.ts";
import { unrealisedReason, type GatewayKey } from "../../src/live/realise.ts";
import { groupJobs, hotReloadFrom } from "../../src/live/jobs.ts";

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

  it("reuses a running gateway only for token ↔ tailscale with the same knobs and bind, and only where the release hot-reloads allowTailscale", () => {
    const token: GatewayKey = { authMode: "token", allowInsecureAuth: true, dangerouslyDisableDeviceAuth: false, bind: "custom", loopbackProxy: false };
    const tailscale: GatewayKey = { ...token, authMode: "tailscale" };
    expect(hotReloadFrom(token, tailscale, profile)?.path).toBe("gateway.auth.allowTailscale");
    expect(hotReloadFrom(tailscale, token, profile)?.applied.test("[reload] config hot reload applied (gateway.auth.allowTailscale)")).toBe(true);
    expect(hotReloadFrom(token, { ...tailscale, allowInsecureAuth: false }, profile)).toBeUndefined();
    expect(hotReloadFrom(token, { ...tailscale, bind: "loopback" }, profile)).toBeUndefined();
    expect(hotReloadFrom(token, { ...token, authMode: "password" }, profile)).toBeUndefined();
    expect(hotReloadFrom(token, tailscale, liveProfile("2026.3.13"))).toBeUndefined();
  });

  it("lets cells without allowInsecureAuth ride on the gateway given it only where the release strips that retired knob at start", () => {
    const cells = allCells().filter((c) => c.authMode === "password" && c.locality === "local" && !c.dangerouslyDisableDeviceAuth && c.credential === "secret-ok" && c.device === "none" && !c.forwarded);
    const on96 = groupJobs(cells, profile);
    expect(on96.map((j) => [j.key.allowInsecureAuth, j.riders?.key.allowInsecureAuth, j.cells.length + (j.riders?.cells.length ?? 0)])).toEqual([[true, false, cells.length]]);
    const on313 = groupJobs(cells, liveProfile("2026.3.13"));
    expect(on313.map((j) => [j.key.allowInsecureAuth, j.riders])).toEqual([[false, undefined], [true, undefined]]);
  });
});
