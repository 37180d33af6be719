/**
 * The engine (src/core) as the extension host uses it: loaded on first use.
 * The language server analyses the documents; here the engine serves Clean
 * Document and Clean Workspace, the conversions, the config files and the
 * settings. On the desktop, the build resolves `../core` below to a bundle of
 * its own (dist/engine.js, see scripts/build.mjs), so that loading the
 * extension neither reads nor compiles it; the web extension is one file and
 * bundles it. Modules of the extension import the engine's types as they
 * please (they are erased) and its values through `engine()`, apart from a
 * few leaf modules without dependencies (paths, names).
 */
import * as l10n from '@vscode/l10n';

type Engine = typeof import('../core');
/** What dist/engine.js adds: its own @vscode/l10n's `config`, for the engine's messages. */
interface Apart {
  readonly configureMessages?: typeof l10n.config;
}

let loaded: Engine | undefined;
let messages: l10n.l10nJsonFormat | undefined;

export function engine(): Engine {
  if (!loaded) {
    // A require, not an import: it runs on the first call, not when the extension loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require('../core') as Engine & Apart;
    if (messages) core.configureMessages?.({ contents: messages });
    loaded = core;
  }
  return loaded;
}

/** The engine's messages in the UI language (VS Code's l10n bundle), for the engine loaded now or later. */
export function setEngineMessages(contents: l10n.l10nJsonFormat): void {
  messages = contents;
  l10n.config({ contents });
  (loaded as Apart | undefined)?.configureMessages?.({ contents });
}
