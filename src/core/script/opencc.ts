/**
 * The one place that touches opencc-js. Its dictionaries (about 1.2 MB of
 * JavaScript) are required on first use only, never when the core is
 * imported, so activating the extension stays cheap. esbuild bundles the
 * `require` below and keeps it lazy (the module is wrapped and evaluated on
 * first call), in the Node build and in a browser build alike.
 */
import type * as OpenCCModule from 'opencc-js';

type DictGroup = readonly (string | readonly (readonly [string, string])[])[];
interface Config {
  readonly normalizationChain?: readonly DictGroup[];
  readonly segmentation?: unknown;
  readonly conversionChain: readonly DictGroup[];
}
export type OpenCC = typeof OpenCCModule & { Locale: { configs: Record<string, Config> } };

let loaded: OpenCC | undefined;

/** opencc-js, loaded on the first call. */
export function openCC(): OpenCC {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('opencc-js') as OpenCC;
  }
  return loaded;
}

/** True once opencc-js has been loaded (tests check that importing the core does not load it). */
export function isOpenCCLoaded(): boolean {
  return loaded !== undefined;
}

/** The 16 OpenCC configurations opencc-js ships. */
export const OPENCC_CONFIGS = [
  's2t',
  's2tw',
  's2twp',
  's2hk',
  's2hkp',
  't2s',
  'tw2s',
  'tw2sp',
  'hk2s',
  'hk2sp',
  't2tw',
  't2hk',
  'tw2t',
  'hk2t',
  't2jp',
  'jp2t',
] as const;
export type OpenCCConfig = (typeof OPENCC_CONFIGS)[number];

const LOCALES: Record<OpenCCConfig, { from: string; to: string }> = {
  s2t: { from: 'cn', to: 't' },
  s2tw: { from: 'cn', to: 'tw' },
  s2twp: { from: 'cn', to: 'twp' },
  s2hk: { from: 'cn', to: 'hk' },
  s2hkp: { from: 'cn', to: 'hkp' },
  t2s: { from: 't', to: 'cn' },
  tw2s: { from: 'tw', to: 'cn' },
  tw2sp: { from: 'twp', to: 'cn' },
  hk2s: { from: 'hk', to: 'cn' },
  hk2sp: { from: 'hkp', to: 'cn' },
  t2tw: { from: 't', to: 'tw' },
  t2hk: { from: 't', to: 'hk' },
  tw2t: { from: 'tw', to: 't' },
  hk2t: { from: 'hk', to: 't' },
  t2jp: { from: 't', to: 'jp' },
  jp2t: { from: 'jp', to: 't' },
};

const converters = new Map<OpenCCConfig, (s: string) => string>();

/** opencc-js's converter for one configuration, built once (its tries take a while). */
export function converterFor(config: OpenCCConfig): (s: string) => string {
  let c = converters.get(config);
  if (!c) {
    c = openCC().Converter(LOCALES[config]);
    converters.set(config, c);
  }
  return c;
}

/** A plain-text dictionary ("a b|c d") of one configuration's chain, by position. */
export function dictionary(config: OpenCCConfig, group: number, index: number): string {
  const d = openCC().Locale.configs[config].conversionChain[group][index];
  return typeof d === 'string' ? d : d.map(([a, b]) => `${a} ${b}`).join('|');
}
