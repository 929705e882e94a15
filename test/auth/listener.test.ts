import { describe, expect, it } from "vitest";
import { allAuthCells, authCellKey } from "../../src/auth/auth-cell.ts";
import { authorizeModel } from "../../src/auth/eras/index.ts";
import { outcomeOf } from "../../src/auth/outcome.ts";
import { authorizeOnListener } from "../../src/auth/real/listener-check.ts";

/**
 * The agreement hands 8.1+ the Tailscale-serve attribution as an argument; here the release
 * attributes every request itself, marked with its listener as the server does, so the stand-in
 * is checked against the release's own listener code (whois compare included).
 */
describe.each(["2026.8.1", "2026.9.6"])("openclaw@%s on its own listeners", (version) => {
  it("decides every auth cell as the model does", async () => {
    const cells = allAuthCells();
    const run = await authorizeOnListener(version, cells);
    expect(run.transportMaps).toBe(1);
    const differing = cells.flatMap((c, i) => {
      const r = run.results[i]!;
      const release = r.ok ? outcomeOf(r.value) : { error: r.error };
      const model = authorizeModel(version, c).value;
      return JSON.stringify(release) === JSON.stringify(model) ? [] : [{ key: authCellKey(c), model, release }];
    });
    expect(differing.slice(0, 3)).toEqual([]);
    const tailscale = cells.filter((c, i) => c.via === "tailscale-serve" && (run.results[i] as { value?: { method?: string } }).value?.method === "tailscale");
    expect(tailscale.length).toBeGreaterThan(0);
    expect(tailscale.every((c) => c.tailscale === "whois-match")).toBe(true);
  });
});
