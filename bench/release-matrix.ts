/**
 * Which policy functions slice in which release, with fetch, slice and warm load times.
 * (With a warm release cache the "fetch" column is just the meta-file check.)
 * Usage: tsx bench/release-matrix.ts [--cold-cache DIR] [versions...]
 * With --cold-cache the run starts from an empty cache folder (it is wiped first).
 */
import { rmSync } from "node:fs";
import { fetchRelease } from "../src/release/fetch.ts";
import { loadRelease } from "../src/release/load.ts";

const FUNCTIONS = [
  "evaluateMissingDeviceIdentity",
  "roleCanSkipDeviceIdentity",
  "resolveControlUiAuthPolicy",
  "shouldSkipControlUiPairing",
  "isTrustedProxyControlUiOperatorAuth",
  "shouldClearUnboundScopesForMissingDeviceIdentity",
  "shouldSkipBackendSelfPairing",
  "shouldSkipLocalBackendSelfPairing",
  "shouldAllowSilentLocalPairing",
  "resolvePairingLocality",
  "isLoopbackAddress",
  "isLocalDirectRequest",
  "resolveClientIp",
  "authorizeGatewayConnect",
  "resolveGatewayIngressAttribution",
  "prepareGatewayIngressAttribution",
];
const DEFAULT_VERSIONS = ["2.26", "3.11", "3.13", "3.22", "4.9", "5.12", "6.10", "8.1", "9.6"].map((v) => `2026.${v}`);

const args = process.argv.slice(2);
const coldAt = args.indexOf("--cold-cache");
if (coldAt !== -1) {
  const dir = args.splice(coldAt, 2)[1]!;
  rmSync(dir, { recursive: true, force: true });
  process.env.CLAWPROOF_CACHE = dir;
}
const versions = args.length ? args : DEFAULT_VERSIONS;

const rows: string[] = [];
for (const version of versions) {
  let t = performance.now();
  await fetchRelease(version);
  const fetchMs = performance.now() - t;
  t = performance.now();
  const first = await loadRelease(version, FUNCTIONS);
  const sliceMs = performance.now() - t;
  await first.close();
  t = performance.now();
  const warm = await loadRelease(version, FUNCTIONS);
  const warmMs = performance.now() - t;
  await warm.close();
  const cell = (fn: string) =>
    warm.found.includes(fn) ? "ok" : warm.missing.includes(fn) ? "–" : `FAIL(${warm.failed.find((f) => f.name === fn)?.error})`;
  rows.push(`| ${version.slice(5)} | ${FUNCTIONS.map(cell).join(" | ")} | ${(fetchMs / 1000).toFixed(1)} s | ${(sliceMs / 1000).toFixed(1)} s | ${Math.round(warmMs)} ms | ${warm.imports.bare.join(",") || "–"} |`);
  console.error(`${version}: fetch ${Math.round(fetchMs)} ms, slice+start ${Math.round(sliceMs)} ms, warm ${Math.round(warmMs)} ms`);
}
console.log(`| ver | ${FUNCTIONS.join(" | ")} | fetch | slice | warm | bare |`);
console.log(`|---|${FUNCTIONS.map(() => "---").join("|")}|---|---|---|---|`);
for (const r of rows) console.log(r);
