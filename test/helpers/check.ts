import { checkImplementation } from "../../src/engine/check.ts";
import type { ImplResult } from "../../src/engine/results.ts";
import type { Implementation } from "../../src/impl/implementation.ts";
import { resolveModel } from "../../src/impl/resolve-ref.ts";
import { ACCEPTED_EXCEPTIONS, PROPERTIES, findProperty } from "../../properties/index.ts";

export function checkModel(spec: string, propertyIds?: string[]): ImplResult {
  return checkImpl(resolveModel(spec), propertyIds);
}

export function checkImpl(impl: Implementation, propertyIds?: string[]): ImplResult {
  const properties = propertyIds ? propertyIds.map((id) => findProperty(id)!) : PROPERTIES;
  return checkImplementation(impl, { properties, seed: 42, randomRuns: 50, exceptions: ACCEPTED_EXCEPTIONS });
}

export function status(result: ImplResult, id: string) {
  return result.properties.find((p) => p.id === id)?.status;
}
