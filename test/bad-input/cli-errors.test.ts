/**
 * The rest of issue 8's bad-input table: failures outside clawproof's own checks (the registry
 * offline, a closed pipe, an unwritable cache) are one line on stderr and exit 2; the stack
 * trace appears only with CLAWPROOF_DEBUG=1.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { clawproof } from "../helpers/cli.ts";
import { stderrLines, UNREACHABLE_REGISTRY } from "./private-cache.ts";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));
const RELEASES_JSON = fileURLToPath(new URL("../../data/releases.json", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "clawproof-bad-input-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A file where the cache folder should be: every write under it fails with ENOTDIR, an error no check expects. */
const notAFolder = join(scratch, "cache-is-a-file");
writeFileSync(notAFolder, "");

/** Folders that are not an openclaw package: empty, and a package of another name. */
const emptyFolder = mkdtempSync(join(scratch, "empty-"));
const otherPackage = mkdtempSync(join(scratch, "other-"));
writeFileSync(join(otherPackage, "package.json"), JSON.stringify({ name: "not-openclaw", version: "1.0.0" }));

const ROWS: { row: string; args: string[]; env?: NodeJS.ProcessEnv; line: RegExp }[] = [
  { row: "path: to an empty folder", args: ["check", `path:${emptyFolder}`], line: /^clawproof: path:.* is not an openclaw package \(no readable package\.json\)$/ },
  { row: "path: to another package", args: ["check", `path:${otherPackage}`], line: /^clawproof: path:.* is not an openclaw package \(package\.json names "not-openclaw"\)$/ },
  { row: "path: to nothing", args: ["check", `path:${join(scratch, "nothing-here")}`], line: /^clawproof: path:.* is not a folder$/ },
  {
    row: "releases --refresh offline",
    args: ["releases", "--refresh"],
    env: { CLAWPROOF_REGISTRY: UNREACHABLE_REGISTRY },
    line: /^clawproof: cannot refresh the list of openclaw releases: the npm registry is unreachable: .*ECONNREFUSED 127\.0\.0\.1:9/,
  },
  {
    row: "a cold fetch offline",
    args: ["check", "openclaw@2026.3.13"],
    env: { CLAWPROOF_CACHE: join(scratch, "empty-cache"), CLAWPROOF_REGISTRY: UNREACHABLE_REGISTRY },
    line: /^clawproof: openclaw@2026\.3\.13 is not in the cache \(.*\) and the npm registry is unreachable/,
  },
  {
    row: "an unexpected error (the cache path is a file)",
    args: ["check", "openclaw@2026.3.13"],
    env: { CLAWPROOF_CACHE: notAFolder, CLAWPROOF_REGISTRY: UNREACHABLE_REGISTRY },
    line: /^clawproof: unexpected error: ENOTDIR: not a directory/,
  },
  { row: "call --batch of a file that is not there", args: ["call", "--batch", join(scratch, "nope.jsonl")], line: /^clawproof: cannot read .*nope\.jsonl$/ },
  { row: "an unknown command", args: ["frobnicate"], line: /^error: unknown command 'frobnicate'$/ },
];

describe("bad input: failures around the checks", () => {
  it.each(ROWS)("$row → exit 2, one line", ({ args, env, line }) => {
    const before = readFileSync(RELEASES_JSON, "utf8");
    const run = clawproof.withEnv(env ?? {})(...args);
    expect({ code: run.code, stderr: stderrLines(run) }).toEqual({ code: 2, stderr: [expect.stringMatching(line)] });
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(RELEASES_JSON, "utf8")).toBe(before); // a failed refresh leaves the list alone
  });

  it("CLAWPROOF_DEBUG=1 adds the stack trace, and only then", () => {
    const env = { CLAWPROOF_CACHE: notAFolder, CLAWPROOF_REGISTRY: UNREACHABLE_REGISTRY };
    const plain = clawproof.withEnv(env)("check", "openclaw@2026.3.13");
    const debug = clawproof.withEnv({ ...env, CLAWPROOF_DEBUG: "1" })("check", "openclaw@2026.3.13");
    expect(debug.code).toBe(2);
    expect(stderrLines(debug)[0]).toBe(stderrLines(plain)[0]);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it("a pipe closed by its reader (`| head`) is one line and exit 2, not an EPIPE stack", () => {
    // the reader exits before reading anything, as `head -0` would; bash reports the writer's exit code
    const run = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" table model:2026.9.6 | true; exit \${PIPESTATUS[0]}`], { encoding: "utf8" });
    expect({ code: run.status, stderr: stderrLines({ code: 0, stdout: "", stderr: run.stderr }) }).toEqual({
      code: 2,
      stderr: ["clawproof: stdout was closed before the report was written in full (broken pipe)"],
    });
  });

  it("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version: string };
    const run = clawproof("--version");
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: `${version}\n` });
  });
});
