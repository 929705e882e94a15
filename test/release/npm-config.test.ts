/**
 * Fetches go where the user's npm goes, authenticated as npm would: the project/user/global
 * `.npmrc` and `npm_config_*` variables, loaded by npm's own loader, with CLAWPROOF_REGISTRY on
 * top. Every registry here is a loopback port: unreachable ones show in the error line which
 * registry was asked; a listening one records the Authorization header pacote sent it.
 */
import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadNpmConfig } from "../../src/release/npm-config.ts";

const BIN = fileURLToPath(new URL("../../bin/clawproof.js", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "clawproof-npmrc-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A project folder of its own with this `.npmrc`. */
function project(name: string, npmrc: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ".npmrc"), npmrc);
  return dir;
}

/**
 * The test's environment without the npm settings of whoever runs it (`npm test` exports its own
 * npm_config_* variables; a developer's ~/.npmrc may name another registry): user and global
 * config point at files that do not exist, so only the project's `.npmrc` and `extra` count.
 */
function isolated(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k) && k !== "CLAWPROOF_REGISTRY"));
  return { ...clean, npm_config_userconfig: join(root, "no-user-npmrc"), npm_config_globalconfig: join(root, "no-global-npmrc"), ...extra };
}

const cliArgs = ["check", "openclaw@2026.3.13"];

/** A cold fetch from `cwd` with an empty cache; returns the exit code and the one stderr line. */
function coldFetch(cwd: string, env: NodeJS.ProcessEnv): { code: number | null; line: string } {
  const run = spawnSync(process.execPath, [BIN, ...cliArgs], { cwd, encoding: "utf8", env: isolated({ CLAWPROOF_CACHE: join(cwd, "cache"), ...env }) });
  return { code: run.status, line: run.stderr.trim() };
}

/** The same, without blocking: the registry answering it runs in this process. */
function coldFetchAsync(cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...cliArgs], { cwd, env: isolated({ CLAWPROOF_CACHE: join(cwd, "cache"), ...env }) });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, line: stderr.trim() }));
  });
}

/** A registry on 127.0.0.1 that knows no package and records what each request authenticated with. */
async function recordingRegistry(): Promise<{ url: string; seen: { path: string; authorization: string | undefined }[]; server: Server }> {
  const seen: { path: string; authorization: string | undefined }[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", authorization: req.headers.authorization });
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen, server };
}

const closeAll = (servers: Server[]) => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));

describe("npm configuration", () => {
  it("maps the project's registry, proxy, CA and scoped registry to pacote's options, and keeps nerf-darted credentials", async () => {
    const pem = "-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----";
    const dir = project("mapping", "");
    writeFileSync(join(dir, "ca.pem"), pem + "\n");
    writeFileSync(
      join(dir, ".npmrc"),
      [
        "registry=http://127.0.0.1:9/",
        "https-proxy=http://127.0.0.1:8/",
        "noproxy=a.example,b.example",
        "strict-ssl=false",
        "@acme:registry=http://127.0.0.1:7/",
        `cafile=${join(dir, "ca.pem")}`,
        "//127.0.0.1:9/:_authToken=token-9",
        "//127.0.0.1:7/:username=someone",
        `//127.0.0.1:7/:_password=${Buffer.from("pass").toString("base64")}`,
        `//127.0.0.1:6/:certfile=${join(dir, "client.crt")}`,
        `//127.0.0.1:6/:keyfile=${join(dir, "client.key")}`,
        "editor=vi",
      ].join("\n") + "\n",
    );
    const options = await loadNpmConfig({ cwd: dir, env: isolated() });
    expect(options).toMatchObject({
      registry: "http://127.0.0.1:9/",
      httpsProxy: "http://127.0.0.1:8/",
      noProxy: "a.example,b.example",
      strictSSL: false,
      "@acme:registry": "http://127.0.0.1:7/",
      ca: [pem],
      "//127.0.0.1:9/:_authToken": "token-9",
      "//127.0.0.1:7/:username": "someone",
      "//127.0.0.1:7/:_password": Buffer.from("pass").toString("base64"),
      "//127.0.0.1:6/:certfile": join(dir, "client.crt"),
      "//127.0.0.1:6/:keyfile": join(dir, "client.key"),
    });

    // a variable beats the project's file, as in npm
    const fromEnv = await loadNpmConfig({ cwd: dir, env: isolated({ npm_config_https_proxy: "http://127.0.0.1:4/" }) });
    expect(fromEnv.httpsProxy).toBe("http://127.0.0.1:4/");
  });

  it("honours the project's .npmrc, npm_config_registry, and CLAWPROOF_REGISTRY over both", () => {
    const dir = project("precedence", "registry=http://127.0.0.1:9/\n");
    const fromNpmrc = coldFetch(dir, {});
    expect(fromNpmrc.code).toBe(2);
    expect(fromNpmrc.line).toMatch(/^clawproof: openclaw@2026\.3\.13 is not in the cache .*unreachable: .*127\.0\.0\.1:9\b/);

    const fromEnv = coldFetch(dir, { npm_config_registry: "http://127.0.0.1:6/" });
    expect(fromEnv.line).toMatch(/127\.0\.0\.1:6\b/);

    const override = coldFetch(dir, { CLAWPROOF_REGISTRY: "http://127.0.0.1:5/" });
    expect(override.line).toMatch(/127\.0\.0\.1:5\b/);
    expect(override.line).not.toMatch(/127\.0\.0\.1:9\b/);
  });

  it.each([
    ["_authToken", (host: string) => `//${host}/:_authToken=secret-token-1`, "Bearer secret-token-1"],
    ["username and _password", (host: string) => `//${host}/:username=alice\n//${host}/:_password=${Buffer.from("pw:2").toString("base64")}`, `Basic ${Buffer.from("alice:pw:2").toString("base64")}`],
    ["_auth", (host: string) => `//${host}/:_auth=${Buffer.from("bob:pw3").toString("base64")}`, `Basic ${Buffer.from("bob:pw3").toString("base64")}`],
  ])("sends the project .npmrc's %s to its registry, as npm install would", async (name, credential, header) => {
    const registry = await recordingRegistry();
    try {
      const host = new URL(registry.url).host;
      const dir = project(`auth-${name.replace(/\W+/g, "-")}`, `registry=${registry.url}\n${credential(host)}\n`);
      const run = await coldFetchAsync(dir);
      expect(run.code).toBe(2);
      expect(run.line).toMatch(/^clawproof: openclaw@2026\.3\.13\b/);
      expect(registry.seen.length).toBeGreaterThan(0);
      expect(registry.seen.map((r) => r.authorization)).toEqual(registry.seen.map(() => header));
    } finally {
      await closeAll([registry.server]);
    }
  });

  it("sends a registry's token only to that registry: CLAWPROOF_REGISTRY elsewhere gets none", async () => {
    const [configured, override] = [await recordingRegistry(), await recordingRegistry()];
    try {
      const host = new URL(configured.url).host;
      const dir = project("auth-override", `registry=${configured.url}\n//${host}/:_authToken=not-for-others\n`);
      const run = await coldFetchAsync(dir, { CLAWPROOF_REGISTRY: override.url });
      expect(run.code).toBe(2);
      expect(override.seen.length).toBeGreaterThan(0);
      expect(override.seen.map((r) => r.authorization)).toEqual(override.seen.map(() => undefined));
      expect(configured.seen).toEqual([]);
    } finally {
      await closeAll([configured.server, override.server]);
    }
  });
});
