import type { ControlUiPolicy, ControlUiPolicyInput } from "../../../model/policy-functions.ts";
import { obj, objectParamReading, type RealAdapter } from "./adapter.ts";

const DEVICE = { id: "device-under-test", publicKey: "AAAA", signature: "AAAA", signedAt: 0 };

/** resolveControlUiAuthPolicy({isControlUi, controlUiConfig, deviceRaw}) → policy, 2.21–7.x. */
export const CONTROL_UI_POLICY: RealAdapter<ControlUiPolicyInput, ControlUiPolicy> = {
  real: "resolveControlUiAuthPolicy",
  abstract: "resolveControlUiAuthPolicy",
  shape: "params{isControlUi,controlUiConfig,deviceRaw} → {allowInsecureAuthConfigured,allowBypass,device}",
  releases: { since: "2026.2.21", until: "2026.8.1" },
  matches: objectParamReading(["isControlUi", "controlUiConfig", "deviceRaw"]),
  toArgs: (i) => [{
    isControlUi: i.isControlUi,
    controlUiConfig: { allowInsecureAuth: i.allowInsecureAuth, dangerouslyDisableDeviceAuth: i.dangerouslyDisableDeviceAuth },
    deviceRaw: i.hasDevice ? DEVICE : null,
  }],
  fromResult: (v) => {
    const p = v as Record<string, unknown> | null;
    if (!p || typeof p.allowBypass !== "boolean") throw new Error(`resolveControlUiAuthPolicy returned ${JSON.stringify(v)}`);
    return { allowInsecureAuthConfigured: p.allowInsecureAuthConfigured === true, allowBypass: p.allowBypass, keepsDevice: !!p.device };
  },
  fromArgs: (args) => {
    const p = obj(args);
    return {
      isControlUi: !!p.isControlUi, allowInsecureAuth: p.controlUiConfig?.allowInsecureAuth === true,
      dangerouslyDisableDeviceAuth: p.controlUiConfig?.dangerouslyDisableDeviceAuth === true, hasDevice: !!p.deviceRaw,
    };
  },
  toResult: (out, input) => ({
    allowInsecureAuthConfigured: out.allowInsecureAuthConfigured, dangerouslyDisableDeviceAuth: out.allowBypass,
    allowBypass: out.allowBypass, device: out.keepsDevice ? (input.hasDevice ? DEVICE : null) : null,
  }),
};
