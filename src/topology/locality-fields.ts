import { HOST_OPTIONS, LOCALITY_ORIGINS, SPOOF_OPTIONS, TRUSTED_PROXY_SETTINGS } from "../locality/locality-domain.ts";
import { TOPOLOGY_IDS } from "../locality/topology.ts";
import type { GroupField } from "../engine/group.ts";

/** The locality domain's fields, for grouping it into a readable table. */
export function decisionTableFields(): GroupField[] {
  return [
    ["topology", TOPOLOGY_IDS],
    ["origin", Object.keys(LOCALITY_ORIGINS)],
    ["trusted", Object.keys(TRUSTED_PROXY_SETTINGS)],
    ["realIp", [false, true]],
    ["spoof", Object.keys(SPOOF_OPTIONS)],
    ["host", Object.keys(HOST_OPTIONS)],
  ];
}
