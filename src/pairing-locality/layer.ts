import type { Layer, LayerFunction } from "../differential/layer.ts";
import { PAIRING_LOCALITY_ADAPTERS, PAIRING_LOCALITY_FN } from "./adapter.ts";
import { allPairingLocalityCells, pairingLocalityCellKey, type PairingLocalityCell, type PairingLocalityKind } from "./domain.ts";
import { pairingLocalityModel } from "./model.ts";
import { compareVersions } from "../domain/versions.ts";

/** resolvePairingLocality on its whole domain (8640 cells); the model has no rule in force before 4.5. */
export const PAIRING_LOCALITY: LayerFunction<PairingLocalityCell, PairingLocalityKind> = {
  function: PAIRING_LOCALITY_FN,
  adapters: PAIRING_LOCALITY_ADAPTERS,
  inputs: () => allPairingLocalityCells(),
  model: (version) => (compareVersions(version, "2026.4.5") >= 0 ? (cell) => pairingLocalityModel(version, cell).value : undefined),
  show: (cell, version) => ({ ...cell, key: pairingLocalityCellKey(cell), modelRule: pairingLocalityModel(version, cell).rule }),
};

export const PAIRING_LOCALITY_LAYER: Layer = { id: "pairing-locality", functions: [PAIRING_LOCALITY] };
