import { authAgreement } from "../../auth/real/agreement.ts";
import type { Agreement } from "./agreement.ts";
import { derivedFromRelease } from "./derived-cache.ts";

/** authorizeGatewayConnect and resolveConnectAuthState against the auth model on every auth cell, once per release. */
export async function releaseAuthAgreement(version: string, integrity: string): Promise<Agreement[]> {
  try {
    return await derivedFromRelease("auth", integrity, ["auth"], () => authAgreement(version));
  } catch (error) {
    return [{ function: "authorizeGatewayConnect", status: "not-in-release", cells: 0, mismatches: 0, note: `could not check: ${(error as Error).message}` }];
  }
}
