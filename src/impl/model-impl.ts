import { HANDSHAKE_LISTS, type EraModel } from "../model/era.ts";
import { eraOf } from "../model/eras/index.ts";
import { runHandshake } from "../model/handshake.ts";
import { modelAt, modelFunctions, type ModelAt } from "../model/model-at.ts";
import type { Candidate } from "../model/candidates/candidate.ts";
import type { RuleList } from "../model/rule.ts";
import { patchedEra, type ModelPatch } from "../model/patch.ts";
import { localityModelAt } from "../locality/locality-model.ts";
import { localityModelObserver } from "../topology/observer.ts";
import { modelHandshakeGlue } from "./handshake-glue.ts";
import { modelPairingObserver } from "../pairing-locality/truth-model.ts";
import { uniformProvenance, type CoverageRule, type Implementation } from "./implementation.ts";

const ADMITTING_PAIRINGS = ["paired", "skipped", "silent"];

export function coverageRules(model: ModelAt): CoverageRule[] {
  const seen = new Set<string>();
  const rules: CoverageRule[] = [];
  for (const key of HANDSHAKE_LISTS) {
    const list = model[key] as RuleList<unknown, unknown>;
    for (const rule of list.rules) {
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      const admits = (key === "gate" && rule.then === "allow") || (key === "pairing" && ADMITTING_PAIRINGS.includes(rule.then as string));
      rules.push({ id: rule.id, list: list.name, admits, ...(rule.unreachable ? { unreachable: rule.unreachable } : {}), ...(rule.unmeasured ? { unmeasured: rule.unmeasured } : {}) });
    }
  }
  return rules;
}

/** An implementation whose every function is the reference model's (patched in any layer, for candidates and mutants). */
export function modelImplementation(ref: string, era: EraModel, version: string, title: string, patch?: ModelPatch): Implementation {
  const model = modelAt(patchedEra(patch, era), version);
  const hits = new Map<string, number>();
  const count = (id: string) => hits.set(id, (hits.get(id) ?? 0) + 1);
  const functions = (hit: (id: string) => void) => modelFunctions(model, hit);
  return {
    ref,
    kind: "model",
    version,
    era: era.id,
    title,
    decide: (cell) => runHandshake(cell, model, functions, count),
    coverage: { rules: coverageRules(model), hits },
    provenance: uniformProvenance("model", `${era.id} model at ${version}`),
    observePairing: modelPairingObserver(version, modelFunctions(model)),
    handshakeGlue: modelHandshakeGlue(version, modelFunctions(model)),
    ...(patch?.locality ? { observeLocality: localityModelObserver(patch.locality(localityModelAt(version))) } : {}),
    notes: [],
  };
}

export function releaseModel(version: string): Implementation {
  const era = eraOf(version);
  return modelImplementation(`model:${version}`, era, version, `${era.id} reference model at ${version}: ${era.title}`);
}

export function candidateModel(candidate: Candidate): Implementation {
  const era = eraOf(candidate.base);
  const impl = modelImplementation(`model:${candidate.id}`, era, candidate.base, `${candidate.title} (${candidate.source}) on ${era.id} at ${candidate.base}`, candidate.patch);
  return { ...impl, kind: "candidate", base: releaseModel(candidate.base) };
}
