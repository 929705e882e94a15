import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CannotCheckError } from "../../domain/errors.ts";
import { eraOf } from "../../model/eras/index.ts";
import { runHandshake } from "../../model/handshake.ts";
import { modelAt } from "../../model/model-at.ts";
import type { PolicyFunctionName } from "../../model/policy-functions.ts";
import { DEFAULT_STUBS, loadRelease, type ReleaseSlice } from "../../release/load.ts";
import { readCachedSlice } from "../../release/slice-cache.ts";
import { HANDSHAKE_STEPS, type Implementation } from "../implementation.ts";
import { coverageRules } from "../model-impl.ts";
import { ADAPTERS, REAL_FUNCTIONS } from "./adapters/index.ts";
import type { RealAdapter } from "./adapters/adapter.ts";
import type { Agreement } from "./agreement.ts";
import { showSignature, signatureOf, type Signature } from "./signature.ts";
import { mixedFunctions, tabulate, type RealTables } from "./tabulate.ts";
import { releaseLocality } from "./release-locality.ts";
import { sliceImports } from "./slice-imports.ts";
import { releaseAuthAgreement } from "./release-auth.ts";
import { releasePairingLocalityAgreement } from "../../pairing-locality/release.ts";
import { randomSpellingAgreement } from "./random-spellings.ts";

/** The model list each policy function replaces, so coverage is judged only on the model glue that still runs. */
const LIST_OF: Record<PolicyFunctionName, string> = {
  resolveControlUiAuthPolicy: "controlUiPolicy", evaluateMissingDeviceIdentity: "gate", roleCanSkipDeviceIdentity: "roleSkip",
  isTrustedProxyControlUiOperatorAuth: "trustedProxy", shouldClearUnboundScopes: "scopes", shouldSkipControlUiPairing: "controlUiPairing",
  shouldSkipBackendSelfPairing: "backendPairing", shouldAllowSilentLocalPairing: "silentPairing",
};

export interface ReleaseImplementation extends Implementation {
  agreement: Agreement[];
  imports: { bare: string[]; node: string[] };
}

/**
 * `openclaw@<version>`: the policy functions sliced out of the published bundle, each tabulated
 * over its abstract domain in an isolated worker, then run through the era's handshake glue.
 */
export async function releaseImplementation(version: string, ref = `openclaw@${version}`, onProgress?: (m: string) => void): Promise<ReleaseImplementation> {
  return implementationFromSlice(await loadRelease(version, REAL_FUNCTIONS, onProgress ? { onProgress } : {}), ref, `openclaw ${version} from npm`, true);
}

/** Any loaded set of sliced functions (a release, a checkout) as an implementation; closes the slice when done. */
export async function implementationFromSlice(slice: ReleaseSlice, ref: string, origin: string, fromNpm = false): Promise<ReleaseImplementation> {
  const version = slice.version;
  try {
    const model = modelAt(eraOf(version), version);
    const tables: RealTables = {};
    const names: Partial<Record<PolicyFunctionName, string>> = {};
    const agreement: Agreement[] = [];
    for (const fn of Object.keys(LIST_OF) as PolicyFunctionName[]) {
      const adapter = await chooseAdapter(fn, slice);
      if (!adapter) {
        agreement.push({ function: fn, status: "not-in-release", cells: 0, mismatches: 0, note: "not in this release (inline or absent); the model stands in" });
        continue;
      }
      const table = await tabulate(fn, adapter, slice, model, ref);
      tables[fn] = table;
      names[fn] = adapter.real;
      agreement.push(table.agreement);
    }
    // the locality and auth layers are sliced per published release (their slicers take a version)
    const own = fromNpm ? await releaseLocality(version, slice.integrity).catch((error: Error) => error) : undefined;
    if (fromNpm) agreement.push(...(await releaseAuthAgreement(version, slice.integrity)));
    if (fromNpm) agreement.push(await releasePairingLocalityAgreement(version, slice.integrity));
    const localityNote = !fromNpm
      ? "locality: the model's (no sliced locality for this source)"
      : own instanceof Error
        ? `locality: the model's (${own.message})`
        : "locality: the release's own functions";
    if (own && !(own instanceof Error)) agreement.push(...own.agreement);
    // after every layer has sliced what it needs, so the list covers them all
    const imports = fromNpm ? await sliceImports(slice.integrity) : slice.imports;
    const hits = new Map<string, number>();
    const replaced = new Set(Object.keys(tables).map((fn) => LIST_OF[fn as PolicyFunctionName]));
    const functions = mixedFunctions(model, tables, names);
    const rules = coverageRules(model).filter((r) => !replaced.has(listKey(model, r.list)));
    // the release's own gate answering allow is what justifies a device-less admit (default-deny)
    if (tables.evaluateMissingDeviceIdentity) rules.push({ id: "openclaw:evaluateMissingDeviceIdentity=allow", list: "evaluateMissingDeviceIdentity (release)", admits: true });
    return {
      ref,
      kind: "release",
      version,
      era: model.id,
      title: `${origin} (sliced; handshake glue from the ${model.id} model at ${version})`,
      decide: (cell) => runHandshake(cell, model, functions, (id) => hits.set(id, (hits.get(id) ?? 0) + 1)),
      coverage: { rules, hits },
      agreement,
      imports,
      provenance: HANDSHAKE_STEPS.map((step) => {
        if (step === "locality") return own && !(own instanceof Error)
          ? { step, decidedBy: "sliced" as const, detail: "the release's own locality functions" }
          : { step, decidedBy: "model" as const, detail: `${model.id} locality model` };
        const real = names[step as PolicyFunctionName];
        return real ? { step, decidedBy: "sliced" as const, detail: real } : { step, decidedBy: "model" as const, detail: `${model.id} model glue at ${version}` };
      }),
      ...(own && !(own instanceof Error) ? { observeLocality: own.observe, randomAgreement: (seed: number) => randomSpellingAgreement(version, seed) } : {}),
      notes: [
        localityNote,
        `integrity ${slice.integrity}`,
        `sliced: ${Object.values(names).join(", ") || "none"}`,
        `imports pulled in: ${[...imports.node, ...imports.bare].join(", ") || "none"}`,
        ...slice.failed.map((f) => `${f.name}: ${f.error}`),
      ],
    };
  } finally {
    await slice.close();
  }
}

function listKey(model: ReturnType<typeof modelAt>, listName: string): string {
  const entry = Object.entries(model).find(([, v]) => typeof v === "object" && v !== null && (v as { name?: string }).name === listName);
  return entry?.[0] ?? listName;
}

async function chooseAdapter(fn: PolicyFunctionName, slice: ReleaseSlice): Promise<RealAdapter | undefined> {
  const real = ADAPTERS.find((a) => a.abstract === fn && slice.found.includes(a.real))?.real;
  if (!real) return undefined;
  const cached = await readCachedSlice(slice.integrity, real, [...DEFAULT_STUBS]);
  const source = cached?.url ? readFileSync(fileURLToPath(cached.url), "utf8") : "";
  return adapterFor(fn, real, signatureOf(source, real), `${real} of ${slice.version}`);
}

/** The adapter for a sliced function's shape; a shape no adapter knows is "cannot check", never a guess. */
export function adapterFor(fn: PolicyFunctionName, real: string, sig: Signature | undefined, where: string): RealAdapter {
  const adapter = sig && ADAPTERS.find((a) => a.abstract === fn && a.real === real && a.matches(sig));
  if (!adapter) throw new CannotCheckError(`unsupported shape: ${real} reads ${sig ? showSignature(sig) : "(no declaration found)"} in ${where}`);
  return adapter;
}
