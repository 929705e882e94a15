/**
 * Exit codes are part of clawproof's contract: 0 every property holds, 1 a property is violated
 * or a mismatch was found, 2 the check could not be made at all.
 */
export const EXIT = { holds: 0, violated: 1, cannotCheck: 2 } as const;

/** Anything that stops a check from being made: bad usage, unknown version, offline, missing function. */
export class CannotCheckError extends Error {
  readonly exitCode = EXIT.cannotCheck;
  constructor(message: string) {
    super(message);
    this.name = "CannotCheckError";
  }
}

/**
 * Thrown when an implementation cannot decide a cell at all (a live gateway cannot realise it).
 * The engine counts such cells as unchecked, per reason; they are never counted as holding.
 */
export class UnrealisedCellError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`cell ${key} is not realised: ${reason}`);
    this.name = "UnrealisedCellError";
  }
}
