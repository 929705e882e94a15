/**
 * Fetches go where the user's npm goes: the project/user/global `.npmrc` and `npm_config_*`
 * variables, as npm itself resolves them, with CLAWPROOF_REGISTRY on top. Every registry here
 * is an unreachable loopback port, so the error line shows which one was asked.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { pacoteConfigFrom } from "../../src/release/npm-config.ts";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));
const project = mkdtempSync(join(tmpdir(), "clawproof-npmrc-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A cold fetch from `cwd` with an empty cache; returns the one stderr line. */
function coldFetch(env: NodeJS.ProcessEnv): { code: number | null; line: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_registry$/i.test(k) && k !== "CLAWPROOF_REGISTRY"));
  const run = spawnSync(process.execPath, [BIN, "check", "openclaw@2026.3.13"], {
    cwd: project,
    encoding: "utf8",
    env: { ...clean, CLAWPROOF_CACHE: join(project, "cache"), ...env },
  });
  return { code: run.status, line: run.stderr.trim() };
}

describe("npm configuration", () => {
  it("maps npm's names to pacote's options", () => {
    writeFileSync(join(project, "ca.pem"), "CERT");
    const mapped = pacoteConfigFrom({
      registry: "http://127.0.0.1:9/",
      "https-proxy": "http://127.0.0.1:8/",
      proxy: null,
      noproxy: ["a.example", "b.example"],
      "strict-ssl": false,
      "@acme:registry": "http://127.0.0.1:7/",
      cafile: join(project, "ca.pem"),
      editor: "vi",
    });
    expect(mapped).toEqual({
      registry: "http://127.0.0.1:9/",
      httpsProxy: "http://127.0.0.1:8/",
      noProxy: "a.example,b.example",
      strictSSL: false,
      "@acme:registry": "http://127.0.0.1:7/",
      ca: "CERT",
    });
  });

  it("honours the project's .npmrc, npm_config_registry, and CLAWPROOF_REGISTRY over both", () => {
    writeFileSync(join(project, ".npmrc"), "registry=http://127.0.0.1:9/\n");
    const fromNpmrc = coldFetch({});
    expect(fromNpmrc.code).toBe(2);
    expect(fromNpmrc.line).toMatch(/^clawproof: openclaw@2026\.3\.13 is not in the cache .*unreachable: .*127\.0\.0\.1:9\b/);

    const fromEnv = coldFetch({ npm_config_registry: "http://127.0.0.1:6/" });
    expect(fromEnv.line).toMatch(/127\.0\.0\.1:6\b/);

    const override = coldFetch({ CLAWPROOF_REGISTRY: "http://127.0.0.1:5/" });
    expect(override.line).toMatch(/127\.0\.0\.1:5\b/);
    expect(override.line).not.toMatch(/127\.0\.0\.1:9\b/);
  });
});
