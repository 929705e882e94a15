import type { Cell } from "../domain/cell.ts";
import { inVersionRange } from "../domain/versions.ts";
import type { LocalityCell } from "../locality/locality-domain.ts";
import { ACCEPTED_EXCEPTIONS, type AcceptedException } from "../../properties/accepted-exceptions.ts";

/** The accepted exceptions in force for a property at a release. */
export function exceptionsFor(property: string, version: string): AcceptedException[] {
  return ACCEPTED_EXCEPTIONS.filter((e) => appliesTo(e, property) && inVersionRange(version, e));
}

export function exemption(exceptions: readonly AcceptedException[], cell: Cell): AcceptedException | undefined {
  return exceptions.find((e) => e.covers?.(cell));
}

export function connectionExemption(exceptions: readonly AcceptedException[], connection: LocalityCell): AcceptedException | undefined {
  return exceptions.find((e) => e.coversConnection?.(connection));
}

export function appliesTo(exception: AcceptedException, property: string): boolean {
  return typeof exception.property === "string" ? exception.property === property : exception.property.includes(property);
}
