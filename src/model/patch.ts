import type { LocalityModel } from "../locality/locality-model.ts";
import type { EraModel } from "./era.ts";

/**
 * A change to the models at one release, in any layer: the connect policy's rule lists, the
 * locality model (how a request becomes "local"), or both. Candidates (a proposed PR) and
 * mutants (a planted fault) are both patches, so a PR that changes locality is a candidate too.
 */
export interface ModelPatch {
  connect?(era: EraModel): EraModel;
  locality?(model: LocalityModel): LocalityModel;
}

/** The connect-policy patch on its own. */
export const connectPatch = (connect: (era: EraModel) => EraModel): ModelPatch => ({ connect });
/** The locality patch on its own. */
export const localityPatch = (locality: (model: LocalityModel) => LocalityModel): ModelPatch => ({ locality });

export const patchedEra = (patch: ModelPatch | undefined, era: EraModel): EraModel => (patch?.connect ? patch.connect(era) : era);
