import { writeFileSync } from "node:fs";
import { CannotCheckError } from "../domain/errors.ts";

/** Writes a report to --out or stdout. */
export function emit(text: string, out?: string): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CannotCheckError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

export function integer(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CannotCheckError(`--${option} must be a whole number (got "${value}")`);
  return Number(value);
}
