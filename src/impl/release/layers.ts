import { AUTH_LAYER, CONNECT_STATE_LAYER, FINAL_AUTH_LAYER } from "../../auth/real/layer.ts";
import { layerExports, type Layer } from "../../differential/layer.ts";
import { GLUE_LAYER } from "../../glue/layer.ts";
import { LOCALITY_LAYER } from "../../locality/real/layer.ts";
import { PAIRING_LOCALITY_LAYER } from "../../pairing-locality/layer.ts";
import { ORIGIN_LAYER } from "../../origin/layer.ts";
import { POLICY_LAYER } from "./policy-layer.ts";

/** Every layer a release is checked on, in report order; a new layer is one declaration and a line here. */
export const LAYERS: readonly Layer[] = [POLICY_LAYER, AUTH_LAYER, CONNECT_STATE_LAYER, FINAL_AUTH_LAYER, PAIRING_LOCALITY_LAYER, LOCALITY_LAYER, ORIGIN_LAYER, GLUE_LAYER];

/** Every export a release handle slices, once, for all layers. */
export const RELEASE_EXPORTS: readonly string[] = layerExports(LAYERS);

/** The clawproof sources (under src/) each layer's derived table depends on: editing them recomputes it. */
export const LAYER_SOURCES: Record<string, readonly string[]> = {
  policy: ["differential", "model", "impl/release"],
  // the auth layers also keep the answers on the auth cells a connect stands for (model/auth-bridge.ts over domain/, kept by impl/release/auth-table.ts)
  auth: ["differential", "auth", "locality", "domain", "model", "impl/release"],
  "connect-auth-state": ["differential", "auth", "locality", "model", "domain", "impl/release"],
  // and keeps resolveConnectAuthDecision's answers as the table the final-auth step looks up (impl/release/final-table.ts, keyed over domain/)
  "final-auth": ["differential", "auth", "model", "domain", "impl/release"],
  "pairing-locality": ["differential", "pairing-locality", "model"],
  locality: ["differential", "locality"],
  origin: ["differential", "origin", "model"],
  // the glue's exports are cut by the statement slicer, whose anchors live with it; the pairing glue's table is stored like the policy functions'
  glue: ["differential", "glue", "model", "locality", "pairing-locality", "release/slice", "impl/release"],
};
