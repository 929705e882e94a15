/**
 * The bad-input table of issue 8, for filters and flags: each row is one run of the real CLI
 * that must exit 2 with exactly one line on stderr saying why, and no stack frame. A filter
 * that selects nothing is refused, never reported as "every property holds".
 */
import { describe, expect, it } from "vitest";
import { clawproof } from "../helpers/cli.ts";
import { stderrLines } from "./private-cache.ts";

const M = "model:2026.9.6";
const ROWS: { row: string; args: string[]; line: RegExp }[] = [
  { row: "--cell with an empty key", args: ["check", M, "--cell", ""], line: /^clawproof: --cell: cell key is empty: give name=value parts/ },
  { row: "--cell naming one field twice", args: ["check", M, "--cell", "role=node,role=operator"], line: /^clawproof: --cell: cell key "role=node,role=operator" names role twice$/ },
  { row: "--cell naming one field twice by both its names", args: ["check", M, "--cell", "auth=token,authMode=none"], line: /names authMode twice$/ },
  { row: "--cell with an unknown value", args: ["check", M, "--cell", "role=admin"], line: /^clawproof: --cell: bad cell key part "role=admin": role is one of operator\|node$/ },
  { row: "--cell with an unknown field", args: ["check", M, "--cell", "colour=blue"], line: /^clawproof: --cell: bad cell key part "colour=blue": expected one of role, client/ },
  { row: "--cell whose parts no valid connect has", args: ["check", M, "--cell", "auth=none,cred=secret-ok"], line: /^clawproof: --cell auth=none,cred=secret-ok selects no cell: no valid connect has all of these values$/ },
  {
    row: "decide --cell with a value the release cannot express (the loopback-proxy opt-in before 4.27)",
    args: ["decide", "model:2026.4.26", "--cell", "auth=trusted-proxy,psock=loopback-opted-in"],
    line: /^clawproof: --cell auth=trusted-proxy,psock=loopback-opted-in selects no cell: no connect of model:2026\.4\.26 has proxySocket=loopback-opted-in: this release cannot express it$/,
  },
  { row: "--connection with an empty key", args: ["check", M, "--connection", ""], line: /^clawproof: --connection: locality key is empty/ },
  { row: "--connection with an unknown value", args: ["check", M, "--connection", "topo=moon"], line: /^clawproof: --connection: bad locality key part "topo=moon": topo must be one of direct\|/ },
  { row: "--connection with an unknown field", args: ["check", M, "--connection", "role=node"], line: /^clawproof: --connection: bad locality key part "role=node": expected one of topo, origin/ },
  { row: "--connection naming one field twice", args: ["check", M, "--connection", "topo=direct,topo=lan-proxy"], line: /names topo twice$/ },
  {
    row: "--property with 0 cells under --cell",
    args: ["check", M, "--property", "remote-node-needs-identity", "--cell", "role=operator"],
    line: /^clawproof: --property remote-node-needs-identity --cell role=operator selects no cells to check in model:2026\.9\.6$/,
  },
  {
    row: "--connection with 0 connections for the property",
    args: ["check", M, "--property", "proxied-never-local", "--connection", "topo=direct"],
    line: /^clawproof: --property proxied-never-local --connection topo=direct selects no cells to check in model:2026\.9\.6$/,
  },
  { row: "--property empty", args: ["check", M, "--property", ""], line: /^clawproof: unknown property ""/ },
  { row: "--seed above the safe-integer range", args: ["check", M, "--seed", "9007199254740993"], line: /^clawproof: --seed must be at most 9007199254740991 \(got "9007199254740993"\)$/ },
  { row: "--seed negative", args: ["check", M, "--seed", "-1"], line: /^clawproof: --seed must be a whole number \(got "-1"\)$/ },
  { row: "--seed not a number", args: ["check", M, "--seed", "1e3"], line: /^clawproof: --seed must be a whole number/ },
  { row: "--out in a folder that does not exist", args: ["check", M, "--out", "/nonexistent-clawproof/x/report.txt"], line: /^clawproof: cannot write --out \/nonexistent-clawproof\/x\/report\.txt: ENOENT/ },
  { row: "--out that is a folder", args: ["table", M, "--out", "/"], line: /^clawproof: cannot write --out \/: EISDIR/ },
];

describe("bad input: filters and flags", () => {
  it.each(ROWS)("$row → exit 2, one line", ({ args, line }) => {
    const run = clawproof(...args);
    expect({ code: run.code, stderr: stderrLines(run) }).toEqual({ code: 2, stderr: [expect.stringMatching(line)] });
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("a filter that does select cells still runs (the refusals above are not blanket)", () => {
    const run = clawproof("check", M, "--property", "remote-node-needs-identity", "--cell", "role=node,loc=remote,device=none", "--connection", "topo=direct");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
  });
});
