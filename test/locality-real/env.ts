/**
 * Shared by the locality-real tests: releases come from the repo's git-ignored .cache (set by
 * vitest.config.ts), fetched once and warm afterwards.
 */
export const REPRESENTATIVE = ["2026.2.26", "2026.3.11", "2026.3.13", "2026.3.22", "2026.4.9", "2026.5.12", "2026.6.10", "2026.8.1", "2026.9.6"];

/** Releases with an ingress attribution (L3). */
export const WITH_INGRESS = ["2026.8.1", "2026.9.6"];

export const SEED = 20260906;
export const RANDOM_RUNS = 20;
