import { runAdapter, type Answer } from "../../differential/adapter.ts";
import { chooseAdapter } from "../../differential/choose.ts";
import { layerExports } from "../../differential/layer.ts";
import { openPublished } from "../../differential/open.ts";
import type { Release } from "../../differential/release.ts";
import { LOCALITY_FUNCTIONS, type LocalityAdapter, type LocalityFunction, type LocalityInputs, type LocalityOutputs } from "./adapter.ts";
import { LOCALITY_ADAPTERS } from "./adapters/index.ts";
import { LOCALITY_LAYER } from "./layer.ts";

/** A release's locality function, bound to the adapter its sliced signature picked. */
export interface BoundLocality<F extends LocalityFunction> {
  adapter: LocalityAdapter<F>;
  /** `//#region` source path of the sliced export, to show a same-name trap was avoided. */
  region: string | undefined;
  run(inputs: readonly LocalityInputs[F][]): Promise<Answer<LocalityOutputs[F]>[]>;
}

/** A release handle with each locality function bound to its adapter, for probing one function by hand. */
export interface LocalityRelease extends Release {
  bound: { [F in LocalityFunction]?: BoundLocality<F> };
  /** functions the release has no export for, with what was looked for. */
  absent: { [F in LocalityFunction]?: string };
}

/** Binds every locality function of a handle to the adapter its signature matches. */
export function bindLocality(release: Release): LocalityRelease {
  const bound: LocalityRelease["bound"] = {};
  const absent: LocalityRelease["absent"] = {};
  for (const fn of LOCALITY_FUNCTIONS) {
    const adapter = chooseAdapter(LOCALITY_ADAPTERS[fn] as readonly LocalityAdapter[], release);
    if (!adapter) {
      absent[fn] = `no ${[...new Set(LOCALITY_ADAPTERS[fn].map((a) => a.real))].join(" or ")} in ${release.ref}`;
      continue;
    }
    (bound as Record<string, BoundLocality<LocalityFunction>>)[fn] = {
      adapter,
      region: release.region(adapter.real),
      run: (inputs) => runAdapter(adapter, release, inputs as never),
    };
  }
  return { ...release, bound, absent };
}

/** `openclaw@version` with every locality export sliced, each function bound. */
export async function openLocalityRelease(version: string): Promise<LocalityRelease> {
  const release = await openPublished(version, layerExports([LOCALITY_LAYER]));
  try {
    return bindLocality(release);
  } catch (error) {
    await release.close();
    throw error;
  }
}
