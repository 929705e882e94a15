/**
 * Damaged caches, each on a private copy of a primed cache: the damage is either repaired
 * (the report is byte for byte the one from the undamaged cache) or the run is exit 2 with one
 * line naming the damage. Never exit 0 with a function "not in this release".
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliResult } from "../helpers/cli.ts";
import { releaseMetaState, sha256 } from "../../src/release/cache.ts";
import { releaseDamage } from "../../src/release/integrity.ts";
import { COLD } from "../release/env.ts";
import { privateCache, stderrLines, type PrivateCache } from "./private-cache.ts";

const V = "2026.2.22";
/** Dist, meta and slice damage is probed with one sliced call (cheap); derived tables only exist for a whole check. */
const PROBES = {
  call: ["call", `openclaw@${V}`, "evaluateMissingDeviceIdentity", "--args", JSON.stringify([{ role: "node", isLocalClient: false, hasDeviceIdentity: false }])],
  check: ["check", `openclaw@${V}`, "--seed", "7", "--format", "json"],
};

const releaseDir = (c: PrivateCache) => join(c.dir, "releases", V);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])).sort();
const dropSlices = (c: PrivateCache) => rmSync(join(c.dir, "slices"), { recursive: true, force: true });
const halveDist = (c: PrivateCache) => files(join(releaseDir(c), "dist")).forEach((f, i) => i % 2 === 0 && rmSync(f));
const chunk = (c: PrivateCache) => files(join(releaseDir(c), "dist")).find((f) => f.endsWith(".js"))!;

/** The cached slice folder whose root is `name`. */
function sliceOf(c: PrivateCache, name: string): string {
  const root = join(c.dir, "slices");
  const dir = readdirSync(root).find((d) => {
    const entry = JSON.parse(readFileSync(join(root, d, "manifest.json"), "utf8")) as { manifest: { roots: { name: string }[] } };
    return entry.manifest.roots.some((r) => r.name === name);
  });
  if (!dir) throw new Error(`no cached slice of ${name}`);
  return join(root, dir);
}
const derivedFiles = (c: PrivateCache, kind: string) => files(join(c.dir, "derived", kind));
const halve = (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2));

/** A derived table's first line (its hash) and the JSON after it. */
const splitDerived = (file: string): [string, string] => {
  const text = readFileSync(file, "utf8");
  const newline = text.indexOf("\n");
  return [text.slice(0, newline), text.slice(newline + 1)];
};

/** Every entry of a cache that does not match its own hash: the release folder, each slice, each derived table. */
async function damageIn(c: PrivateCache): Promise<string[]> {
  const found: string[] = [];
  const before = process.env.CLAWPROOF_CACHE;
  process.env.CLAWPROOF_CACHE = c.dir;
  try {
    const state = await releaseMetaState(V);
    if (state.state !== "ok") found.push(`meta.json: ${state.state}`);
    else {
      const damage = await releaseDamage(state.meta);
      if (damage) found.push(`release: ${damage}`);
    }
  } finally {
    process.env.CLAWPROOF_CACHE = before;
  }
  const root = join(c.dir, "slices");
  for (const d of readdirSync(root)) {
    const entry = JSON.parse(readFileSync(join(root, d, "manifest.json"), "utf8")) as { manifest: unknown; code: string | null; digest: string };
    if (entry.digest !== sha256(JSON.stringify([entry.manifest, entry.code]))) found.push(`slice ${d}: manifest`);
    if (entry.code !== null && sha256(readFileSync(join(root, d, "slice.mjs"))) !== entry.code) found.push(`slice ${d}: module`);
  }
  for (const f of files(join(c.dir, "derived"))) {
    const [head, json] = splitDerived(f);
    if (head !== `clawproof derived sha256:${sha256(json)}`) found.push(`derived ${f}`);
  }
  return found;
}

interface Row {
  row: string;
  probe?: keyof typeof PROBES;
  damage: (c: PrivateCache) => void;
  online?: boolean;
  /** undefined: repaired, the report equals the undamaged one; else the one stderr line of an exit 2. */
  refused?: RegExp;
  /** damage a repaired run leaves alone because it never reads that part (default: none left). */
  untouched?: RegExp[];
}

const UNREACHABLE = /and the npm registry is unreachable to fetch it again/;
const ROWS: Row[] = [
  { row: "half the dist deleted (slices to be made), offline", damage: (c) => (dropSlices(c), halveDist(c)), refused: /is damaged \(\d+ missing \(e\.g\. dist\/.*\) against the hash list in meta\.json\)/ },
  { row: "half the dist deleted (nothing sliced yet), online: fetched again", online: true, damage: (c) => (dropSlices(c), halveDist(c)) },
  // the dist is not read when every slice is cached and checked; it is fetched again when next needed
  { row: "half the dist deleted after slicing: the checked slices still answer", damage: halveDist, untouched: [/^release: \d+ missing/] },
  { row: "a chunk edited (slices to be made), offline", damage: (c) => (dropSlices(c), appendFileSync(chunk(c), "\n// edited\n")), refused: /is damaged \(1 changed \(e\.g\. dist\// },
  { row: "a chunk added that the hash list lacks, offline", damage: (c) => (dropSlices(c), writeFileSync(join(releaseDir(c), "dist", "extra-chunk.js"), "export {};\n")), refused: /1 unlisted \(e\.g\. dist\/extra-chunk\.js\)/ },
  {
    row: "a hash in meta.json's hash list changed, offline",
    damage: (c) => {
      const path = join(releaseDir(c), "meta.json");
      const meta = JSON.parse(readFileSync(path, "utf8")) as { hashes: Record<string, string> };
      const first = Object.keys(meta.hashes)[0]!;
      meta.hashes[first] = "0".repeat(64);
      writeFileSync(path, JSON.stringify(meta));
    },
    refused: /meta\.json does not match its own digest/,
  },
  { row: "meta.json truncated, offline", damage: (c) => halve(join(releaseDir(c), "meta.json")), refused: /meta\.json is not valid JSON/ },
  { row: "a slice truncated: sliced again from the checked dist", damage: (c) => halve(join(sliceOf(c, "evaluateMissingDeviceIdentity"), "slice.mjs")) },
  {
    row: "a slice manifest edited to say the root is missing: sliced again",
    damage: (c) => {
      const path = join(sliceOf(c, "evaluateMissingDeviceIdentity"), "manifest.json");
      const entry = JSON.parse(readFileSync(path, "utf8")) as { manifest: { missing: string[] } };
      entry.manifest.missing.push("evaluateMissingDeviceIdentity");
      writeFileSync(path, JSON.stringify(entry));
    },
  },
  {
    row: "a slice truncated and the dist damaged, offline",
    damage: (c) => (halve(join(sliceOf(c, "evaluateMissingDeviceIdentity"), "slice.mjs")), halveDist(c)),
    refused: /is damaged \(\d+ missing/,
  },
  { row: "a derived table truncated: computed again", probe: "check", damage: (c) => halve(derivedFiles(c, "auth")[0]!) },
  {
    row: "a derived table tampered (a value changed, its hash kept): computed again",
    probe: "check",
    damage: (c) =>
      derivedFiles(c, "auth").forEach((f) => {
        const [head, json] = splitDerived(f);
        const edited = json.replace(/"mismatches":\d+/g, '"mismatches":0').replace(/"status":"mismatch"/g, '"status":"agrees"').replace(/"cells":(\d+)/, '"cells":1$1');
        expect(edited).not.toBe(json);
        writeFileSync(f, `${head}\n${edited}`);
      }),
  },
];

describe("bad input: damaged caches", () => {
  let primed: PrivateCache;
  const baseline = {} as Record<keyof typeof PROBES, CliResult>;
  const copies: PrivateCache[] = [];

  beforeAll(async () => {
    primed = await privateCache([V]);
    baseline.check = primed.offline(...PROBES.check);
    baseline.call = primed.offline(...PROBES.call);
  }, COLD);
  afterAll(() => [primed, ...copies].forEach((c) => c?.remove()));

  it("the undamaged private cache gives a verdict and a result (the references for every row)", () => {
    expect([0, 1]).toContain(baseline.check.code);
    expect({ code: baseline.call.code, stderr: baseline.call.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(baseline.call.stdout)).toHaveProperty("kind");
    expect(derivedFiles(primed, "auth").length).toBeGreaterThan(0);
  });

  it("the primed cache is intact, and the check of intactness sees damage (so the rows' last assertion can fail)", async () => {
    expect(await damageIn(primed)).toEqual([]);
    const c = primed.copy();
    copies.push(c);
    halve(join(sliceOf(c, "evaluateMissingDeviceIdentity"), "slice.mjs"));
    halve(derivedFiles(c, "auth")[0]!);
    expect(await damageIn(c).catch((e: Error) => [e.message])).not.toEqual([]);
  });

  it.each(ROWS)("$row", { timeout: COLD }, async ({ damage, online, refused, probe = "call", untouched = [] }) => {
    const c = primed.copy();
    copies.push(c);
    damage(c);
    const args = PROBES[probe];
    const run = online ? c.online(...args) : c.offline(...args);
    if (refused) {
      expect({ code: run.code, stderr: stderrLines(run) }).toEqual({ code: 2, stderr: [expect.stringMatching(refused)] });
      if (!online && /damaged/.test(refused.source)) expect(run.stderr).toMatch(UNREACHABLE);
      expect(run.stdout).toBe("");
    } else {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: baseline[probe].code, stderr: "" });
      expect(run.stdout).toBe(baseline[probe].stdout);
      // repaired for good: every entry of the cache matches its hash again
      expect(await damageIn(c)).toEqual(untouched.map((u) => expect.stringMatching(u)));
    }
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
  });

  it("`releases` lists a damaged folder as damaged, not as cached or absent", () => {
    const c = primed.copy();
    copies.push(c);
    halve(join(releaseDir(c), "meta.json"));
    const line = c.offline("releases").stdout.split("\n").find((l) => l.startsWith(`${V} `));
    expect(line).toMatch(/cached but damaged \(meta\.json is not valid JSON\)$/);
  });

  it("a scratch folder and a temp file left by killed runs are removed by the next fetch", async () => {
    const c = primed.copy();
    copies.push(c);
    // pid 2^22+1 is above Linux's pid_max default: no such process
    const leftover = join(c.dir, "tmp", `pacote-${2 ** 22 + 1}-abcdef`);
    mkdirSync(join(leftover, "package", "dist"), { recursive: true });
    writeFileSync(join(leftover, "package", "dist", "half.js"), "export const half =");
    const mine = join(c.dir, "tmp", `pacote-${process.pid}-keepme`);
    mkdirSync(mine, { recursive: true });
    const halfWritten = join(sliceOf(c, "evaluateMissingDeviceIdentity"), `slice.mjs.${2 ** 22 + 1}.k3y.tmp`);
    writeFileSync(halfWritten, "export const half =");
    const run = c.offline("check", "openclaw@2026.3.13");
    expect(run.code).toBe(2);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(halfWritten)).toBe(false);
    expect(existsSync(mine)).toBe(true); // a live process's download is left alone
  });
});
