/**
 * A cell's live verdict does not depend on the order the cells run in: the same cells run
 * forwards and backwards (so the gateways start in the other order too, and each device's cells
 * reach it in the other order) give the same verdicts. Paired devices with unpaired cells of the
 * same client kind beside them, on a token gateway that 9.6 turns into a tailscale one by hot
 * reload, and on a password one: on 9.6 this failed three ways before the harness was fixed (a
 * browser device token from the token gateway is a mismatch on a password one; a new device
 * paired silently prunes the client's earlier silent pairing; a node's connect finishes in work
 * the gateway detaches from the socket).
 */
import { describe, expect, it } from "vitest";
import { cellKey } from "../../src/domain/cell-key.ts";
import type { Cell } from "../../src/domain/cell.ts";
import { cellsAt } from "../../src/domain/enumerate.ts";
import { liveProfile } from "../../src/live/profile.ts";
import { unrealisedReason } from "../../src/live/realise.ts";
import { runLive } from "../../src/live/run.ts";
import { ensureRuntime } from "../../src/live/runtime.ts";
import { netnsUnavailable } from "../../src/live/netns.ts";

const VERSION = "2026.9.6";

const picked = (c: Cell) =>
  (c.device === "paired" || c.device === "unpaired") && !c.allowInsecureAuth && !c.dangerouslyDisableDeviceAuth && c.origin !== "foreign" &&
  (c.authMode === "token" || c.authMode === "tailscale" || c.authMode === "password") && ["other", "control-ui"].includes(c.client) &&
  (c.credential === "secret-ok" || c.credential === "device-token");

describe.skipIf(netnsUnavailable())(`live:${VERSION} verdicts are independent of run order`, () => {
  it("runs the same cells in two orders and observes the same verdicts", async () => {
    const profile = liveProfile(VERSION);
    const runtime = await ensureRuntime(VERSION, () => {});
    const cells = cellsAt(VERSION).filter((c) => picked(c) && unrealisedReason(c, profile, undefined) === undefined);
    expect(new Set(cells.map((c) => `${c.authMode} ${c.device}`)).size).toBe(6);
    const verdicts = async (order: Cell[]) => {
      const run = await runLive(order, { runtime, profile, progress: () => {} });
      return Object.fromEntries(cells.map((c) => {
        const v = run.observed.get(cellKey(c))!.verdict;
        return [cellKey(c), `${v.outcome} ${v.reason} ${v.scopes} ${v.pairing}`];
      }));
    };
    const forwards = await verdicts(cells);
    const backwards = await verdicts([...cells].reverse());
    expect(Object.values(forwards).filter((v) => v.includes("unexplained"))).toEqual([]);
    expect(backwards).toEqual(forwards);
  });
});
