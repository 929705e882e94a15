import { cellsAt } from "../src/domain/enumerate.ts";
import { checkImplementation } from "../src/engine/check.ts";
import { resolveModel } from "../src/impl/resolve-ref.ts";
import { ACCEPTED_EXCEPTIONS, PROPERTIES } from "../properties/index.ts";
import { median, row } from "./measure.ts";
import { localityCells } from "../src/locality/locality-domain.ts";
import { modelLocalityObserver } from "../src/topology/observer.ts";

/**
 * Engine overhead: an exhaustive check of every property over every cell, against a raw loop
 * that calls the same model on the same prebuilt cells. Both measured here, side by side.
 */
export function benchEngine(): void {
  const spec = "2026.9.6";
  const cells = cellsAt(spec);
  const raw = median(7, () => {
    const impl = resolveModel(spec);
    for (const cell of cells) impl.decide(cell);
  });
  const cellProperties = PROPERTIES.filter((p) => p.kind !== "topology");
  const groundTruth = PROPERTIES.filter((p) => p.kind === "topology");
  const engine = median(7, () => {
    checkImplementation(resolveModel(spec), { properties: cellProperties, seed: 1, randomRuns: 0, exceptions: ACCEPTED_EXCEPTIONS });
  });
  const withRandom = median(5, () => {
    checkImplementation(resolveModel(spec), { properties: cellProperties, seed: 1, randomRuns: 200, exceptions: ACCEPTED_EXCEPTIONS });
  });
  const connections = localityCells();
  const rawObserve = median(5, () => {
    const observe = modelLocalityObserver(spec);
    for (const c of connections) observe(c);
  });
  const topology = median(5, () => {
    checkImplementation(resolveModel(spec), { properties: groundTruth, seed: 1, randomRuns: 0, exceptions: ACCEPTED_EXCEPTIONS });
  });
  console.log(`engine vs raw model loop (model:${spec}, ${cells.length} cells, ${cellProperties.length} connect properties)`);
  row("raw loop: decide every cell", `${raw.toFixed(1)} ms  (${((raw * 1000) / cells.length).toFixed(2)} µs/cell)`);
  row("engine: every property, exhaustive", `${engine.toFixed(1)} ms  (${((engine * 1000) / cells.length).toFixed(2)} µs/cell)`);
  row("engine overhead ratio (goal ≤ 2×)", `${(engine / raw).toFixed(2)}×`);
  row("engine + 200 seeded random runs per property", `${withRandom.toFixed(1)} ms  (${(withRandom / raw).toFixed(2)}× raw)`);
  console.log(`ground truth (${connections.length} concrete connections, ${groundTruth.length} properties)`);
  row("raw loop: decide every cell + observe every connection", `${(raw + rawObserve).toFixed(1)} ms`);
  row("engine: every ground-truth property", `${topology.toFixed(1)} ms  (${(topology / (raw + rawObserve)).toFixed(2)}× raw)`);
}
