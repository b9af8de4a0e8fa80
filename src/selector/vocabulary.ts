// Words and numbers shared by the request and the index.

export const CATEGORIES = ["fast_response", "balanced", "extended_reasoning"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Capabilities as bits, so that a request's requirements are checked in one step. */
export const VISION = 1;
export const TOOLS = 2;
export const REASONING = 4;
export const JSON_MODE = 8;

/**
 * Stands for "no minimum". Unknown windows are stored as -1, so `window >= minimum` admits them exactly when no
 * minimum was asked for, without a branch in the hot loop.
 */
export const NO_MINIMUM = -2;
export const UNKNOWN_SIZE = -1;

/**
 * The longest model id (or alias) the snapshot schema allows: a longer name can match nothing, so it is not looked
 * up, and a message quotes no more of it.
 */
export const MAX_ID_LENGTH = 256;

/** A model at a provider: a choice's identity, and each of its fallbacks. */
export interface ModelChoice {
  readonly model: string;
  readonly provider: string;
}
