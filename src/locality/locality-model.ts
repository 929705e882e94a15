import { eraOf } from "../model/era.ts";
import { L0 } from "./eras/l0.ts";
import { L1 } from "./eras/l1.ts";
import { L2 } from "./eras/l2.ts";
import { L3 } from "./eras/l3.ts";
import type { LocalityEraDefinition, LocalityModel } from "./eras/model.ts";

export type { IngressKind, LocalityEra, LocalityModel } from "./eras/model.ts";
export { INGRESS_KINDS, LOCALITY_ERAS } from "./eras/model.ts";

/** Oldest first; the ranges are contiguous, so exactly one era holds any version. */
export const LOCALITY_ERA_DEFINITIONS: readonly LocalityEraDefinition[] = [L0, L1, L2, L3];

export const localityEraOf = (version: string): LocalityEraDefinition => eraOf(LOCALITY_ERA_DEFINITIONS, version, "locality");

const cache = new Map<string, LocalityModel>();

/** The locality functions of one OpenClaw release, as rule lists in force at that version. */
export function localityModelAt(version: string): LocalityModel {
  let model = cache.get(version);
  if (!model) {
    model = localityEraOf(version).modelAt(version);
    cache.set(version, model);
  }
  return model;
}
