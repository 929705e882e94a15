import type { Cell } from "../domain/cell.ts";
import { inVersionRange, type VersionRange } from "../domain/versions.ts";
import type { LocalityCell } from "../locality/locality-domain.ts";

/**
 * An accepted exception as the engine sees it: which property, which cells or connections, the
 * releases it holds for, and why. The catalogue of them (properties/accepted-exceptions.ts) lives
 * above the engine and reaches it through the check options, never by import.
 */
export interface ExceptionRule extends VersionRange {
  id: string;
  /** the property (or properties) it exempts cells of. */
  property: string | readonly string[];
  /** the connects it covers (connect-policy properties). */
  covers?(cell: Cell): boolean;
  /** the concrete connections it covers (ground-truth properties). */
  coversConnection?(connection: LocalityCell): boolean;
  why: string;
}

/** The accepted exceptions in force for a property at a release. */
export function exceptionsFor(exceptions: readonly ExceptionRule[], property: string, version: string): ExceptionRule[] {
  return exceptions.filter((e) => appliesTo(e, property) && inVersionRange(version, e));
}

export function exemption(exceptions: readonly ExceptionRule[], cell: Cell): ExceptionRule | undefined {
  return exceptions.find((e) => e.covers?.(cell));
}

export function connectionExemption(exceptions: readonly ExceptionRule[], connection: LocalityCell): ExceptionRule | undefined {
  return exceptions.find((e) => e.coversConnection?.(connection));
}

export function appliesTo(exception: Pick<ExceptionRule, "property">, property: string): boolean {
  return typeof exception.property === "string" ? exception.property === property : exception.property.includes(property);
}
