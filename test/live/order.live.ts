/**
 * A cell's live verdict does not depend on the order the cells run in: the same paired-device
 * cells run forwards and backwards (so the gateways start in the other order too, and each
 * device's cells reach it in the other order) give the same verdicts. On 9.6 this once failed
 * (device token mismatch for a few paired cells, in one order only) because the paired store
 * was copied from the pairing gateway while it was still writing it.
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

// paired devices presenting their device token, on two gateways, from loopback and the netns
const picked = (c: Cell) =>
  c.device === "paired" && c.credential === "device-token" && c.origin === "loopback" && !c.allowInsecureAuth && !c.dangerouslyDisableDeviceAuth &&
  (c.authMode === "token" || c.authMode === "password") && ["cli", "node-host", "control-ui", "webchat"].includes(c.client);

describe.skipIf(netnsUnavailable())(`live:${VERSION} verdicts are independent of run order`, () => {
  it("runs the same paired cells in two orders and observes the same verdicts", async () => {
    const profile = liveProfile(VERSION);
    const runtime = await ensureRuntime(VERSION, () => {});
    const cells = cellsAt(VERSION).filter((c) => picked(c) && unrealisedReason(c, profile, undefined) === undefined);
    expect(new Set(cells.map((c) => c.authMode)).size).toBe(2);
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
