import { describe, expect, it } from "vitest";
import "../release/env.ts";
import { pairingLocalityAgreement, pairingLocalityTable } from "../../src/pairing-locality/agreement.ts";
import { allPairingLocalityCells, type PairingLocalityCell } from "../../src/pairing-locality/domain.ts";
import { pairingLocalityModel } from "../../src/pairing-locality/model.ts";

/** Releases the brief names; each must agree with the model on the whole domain. */
const REPRESENTATIVE = ["2026.4.9", "2026.5.12", "2026.6.10", "2026.8.1", "2026.9.6"];

describe.each(REPRESENTATIVE)("resolvePairingLocality of openclaw@%s", (version) => {
  it("agrees with the model on every cell", async () => {
    const a = await pairingLocalityAgreement(version);
    expect({ status: a.status, cells: a.cells, mismatches: a.mismatches, example: a.example })
      .toEqual({ status: "agrees", cells: allPairingLocalityCells().length, mismatches: 0, example: undefined });
  });
});

it("is not in openclaw@2026.3.13", async () => {
  expect(await pairingLocalityAgreement("2026.3.13")).toMatchObject({ status: "not-in-release", cells: 0, mismatches: 0 });
});

/** A container peer on the loopback socket, no browser, no proxy, a LAN Host, a verified token. */
const loopbackToken: PairingLocalityCell = {
  isLocalClient: false, client: "node-host", sharedAuthOk: true, authMethod: "token",
  hasProxyHeaders: false, origin: "none", socket: "loopback", host: "private",
};

describe("the notes' three 9.6 examples (§3.9)", () => {
  const examples: [string, PairingLocalityCell, string][] = [
    ["node-host on loopback with a LAN Host and a token", loopbackToken, "shared_secret_loopback_local"],
    ["the same from the cli client", { ...loopbackToken, client: "cli" }, "cli_container_local"],
    ["a Docker bridge peer (172.17.0.1)", { ...loopbackToken, socket: "private" }, "remote"],
  ];
  it.each(examples)("%s", async (_, cell, kind) => {
    const table = await pairingLocalityTable("2026.9.6", [cell]);
    const row = table.rows[0]!;
    expect(row.args[0]).toMatchObject({ remoteAddress: cell.socket === "private" ? "172.17.0.1" : "127.0.0.1", requestHost: "192.168.1.20:18789" });
    expect({ release: row.release, model: row.model }).toEqual({ release: kind, model: kind });
  });
});

/**
 * Both sides of each measured boundary: the release just after a change answers differently
 * from the model as it stood just before, on exactly the cells the new rule covers.
 */
describe("measured boundaries", () => {
  const changed = async (before: string, after: string) => {
    const rows = (await pairingLocalityTable(after)).rows;
    return rows.filter((r) => pairingLocalityModel(before, r.cell).value !== r.release).map((r) => r.release);
  };
  it("4.5 → 4.7: browser_container_local starts", async () => {
    expect(await changed("2026.4.5", "2026.4.7")).toEqual(Array(4).fill("browser_container_local"));
  });
  it("4.15 → 4.20: shared_secret_loopback_local starts, for every client but cli/cli", async () => {
    expect(await changed("2026.4.15", "2026.4.20")).toEqual(Array(16).fill("shared_secret_loopback_local"));
  });
  it("7.35 → 8.1: the rewrite changes no answer (cli/cli keeps cli_container_local)", async () => {
    expect(await changed("2026.7.35", "2026.8.1")).toEqual([]);
  });
  it("4.2 has no resolvePairingLocality; 4.5 has one", async () => {
    expect((await pairingLocalityAgreement("2026.4.2")).status).toBe("not-in-release");
    expect((await pairingLocalityAgreement("2026.4.5")).status).toBe("agrees");
  });
});
