import { CannotCheckError } from "../../domain/errors.ts";
import type { FiniteDomain } from "../../differential/domain.ts";
import type { ModelAt } from "../../model/model-at.ts";
import { modelFunctions } from "../../model/model-at.ts";
import type { PolicyFunctionName, PolicyFunctions } from "../../model/policy-functions.ts";

/** A release's policy function evaluated once on its whole domain: its export and its answer per input key. */
export interface PolicyTable {
  real: string;
  answers: Record<string, unknown>;
  domain: FiniteDomain<Record<string, unknown>>;
}

/** The release's functions where it has them, the model's elsewhere (inline code the model stands in for). */
export function mixedFunctions(model: ModelAt, tables: Partial<Record<PolicyFunctionName, PolicyTable>>, ref: string) {
  return (hit: (id: string) => void): PolicyFunctions => {
    const mixed = { ...modelFunctions(model, hit) } as Record<PolicyFunctionName, (i: unknown) => unknown>;
    for (const [fn, table] of Object.entries(tables) as [PolicyFunctionName, PolicyTable][]) {
      mixed[fn] = (input) => {
        const key = table.domain.key(input as Record<string, unknown>);
        const value = table.answers[key];
        if (value === undefined) throw new CannotCheckError(`${table.real} of ${ref} was not tabulated for ${key}`);
        hit(`openclaw:${table.real}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
        if (typeof value === "object" && value !== null && "error" in value) throw new Error(`${table.real} threw: ${(value as { error: string }).error}`);
        return value;
      };
    }
    return mixed as unknown as PolicyFunctions;
  };
}
