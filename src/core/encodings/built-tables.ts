/**
 * Tables the core computes on first use, as packed text (packed.ts): the
 * bundles have them filled in when they are built (scripts/bundle-options.mjs
 * computes them with this very code), so a check does not compute 65,536
 * entries of each when it starts. Undefined here, where they are computed.
 */
/** costTable16 (score.ts), as packFloatTable text. */
export const BUILT_COST_TABLE: string | undefined = undefined;
/** suspiciousTable (repair.ts), as packTable text of 2 bits. */
export const BUILT_SUSPICIOUS_TABLE: string | undefined = undefined;
