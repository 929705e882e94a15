import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { modelImplementation, releaseModel } from "../../src/impl/model-impl.ts";
import type { LocalityModel } from "../../src/locality/locality-model.ts";
import { HOST_OPTIONS } from "../../src/locality/locality-domain.ts";
import type { ConcreteRequest } from "../../src/locality/request.ts";
import { eraOf } from "../../src/model/eras/index.ts";
import { localityPatch, type ModelPatch } from "../../src/model/patch.ts";
import { checkImpl } from "../helpers/check.ts";

const VERSION = "2026.9.6";
const range = (address: string | undefined) => {
  try {
    return address ? ipaddr.process(address.trim()).range() : undefined;
  } catch {
    return undefined;
  }
};
/** A mutant's own isLocalClient: its answer where it has one, the honest model's elsewhere. */
const override = (decide: (req: ConcreteRequest) => boolean | undefined): ModelPatch =>
  localityPatch((m: LocalityModel) => ({
    ...m,
    isLocalClient: (req) => {
      const mutated = decide(req);
      return mutated === undefined ? m.isLocalClient(req) : { value: mutated, rule: "mutant", trail: ["mutant"] };
    },
  }));

/** Locality faults of the kind upstream has shipped or been asked to ship, each a patch of the locality model and killed by a ground-truth property. */
const MUTANTS: { name: string; killedBy: string; patch: ModelPatch }[] = [
  { name: "a loopback socket is local, forwarding headers or not", killedBy: "proxied-never-local",
    patch: override((req) => range(req.socketAddress) === "loopback") },
  { name: "believe the left-most X-Forwarded-For hop", killedBy: "spoofed-headers-never-raise-locality",
    patch: override((req) => {
      const first = req.headers["x-forwarded-for"]?.split(",")[0];
      return first !== undefined && first.trim() !== "" ? range(first) === "loopback" : undefined;
    }) },
  { name: "class the tailnet range as local", killedBy: "remote-direct-never-local",
    patch: override((req) => (range(req.socketAddress) === "carrierGradeNat" ? true : undefined)) },
  { name: "let the Host header decide", killedBy: "remote-direct-never-local",
    patch: override((req) => (req.host === HOST_OPTIONS.loopback || req.host === HOST_OPTIONS.localhost ? true : undefined)) },
];

describe("property strength: locality mutants are killed by the ground-truth properties", () => {
  for (const mutant of MUTANTS) {
    it(`${mutant.name} — killed by ${mutant.killedBy}`, () => {
      const mutated = checkImpl(modelImplementation(`mutant:${mutant.name}`, eraOf(VERSION), VERSION, mutant.name, mutant.patch), [mutant.killedBy]);
      expect(mutated.properties[0]!.status).toBe("violated");
      const unmutated = checkImpl(releaseModel(VERSION), [mutant.killedBy]);
      expect(unmutated.properties[0]!.status).toBe("holds");
    });
  }
});
