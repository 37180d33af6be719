/**
 * costTable16 (score.ts) as packFloatTable text. The bundles have it filled
 * in when they are built (scripts/bundle-options.mjs computes it with this
 * very code), so a check does not compute 65,536 costs when it starts;
 * undefined here, where it is computed on first use.
 */
export const BUILT_COST_TABLE: string | undefined = undefined;
