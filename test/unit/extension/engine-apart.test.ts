import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';

/**
 * The desktop extension (dist/extension.js) leaves the engine out: it loads
 * dist/engine.js on first use, not when the extension loads nor while it
 * activates, and hands that bundle the UI language's messages. Run in a
 * Node process of its own with `vscode` stubbed (any property, call or `new`
 * answers the stub), as the benchmark loads the bundle.
 */
const EXTENSION = path.join(ROOT, 'dist', 'extension.js');
const ENGINE = path.join(ROOT, 'dist', 'engine.js');

/** A message of the engine (src/core/configfile/parse.ts) and its "translation". */
const MESSAGE = '{0} must be true or false.';
const TRANSLATED = '{0} 须为 true 或 false';

const SCRIPT = `
const M = require('module');
const load = M._load;
const stub = new Proxy(function () {}, {
  get: (t, k) => k === '__esModule' ? true : k === 'then' ? undefined : k === Symbol.iterator ? function* () {} :
    k === Symbol.toPrimitive ? () => 'stub' : k === 'bundle' ? { [${JSON.stringify(MESSAGE)}]: ${JSON.stringify(TRANSLATED)} } : stub,
  set: () => true, apply: () => stub, construct: () => stub, getPrototypeOf: () => stub,
});
M._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const engine = ${JSON.stringify(ENGINE)};
const ext = require(${JSON.stringify(EXTENSION)});
const afterLoad = engine in require.cache;
ext.activate({ subscriptions: [], extensionUri: stub, extension: stub });
const afterActivate = engine in require.cache;
setTimeout(() => {
  const core = require.cache[engine] && require.cache[engine].exports;
  const issues = core ? core.parseConfigFile('/w/.newsclean.jsonc', '{ "newsclean.clean.halfwidth-punctuation": 3 }').issues : [];
  console.log(JSON.stringify({ afterLoad, afterActivate, later: Boolean(core), messages: issues.map((i) => i.message) }));
  process.exit(0);
}, 20);
`;

describe('the desktop extension bundle and the engine', function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync(EXTENSION) || !fs.existsSync(ENGINE)) this.skip(); // built by `npm test`'s pretest (node scripts/build.mjs)
  });

  it('is loaded and activated without the engine, which it loads just after and hands the messages of the UI language', () => {
    const out = execFileSync(process.execPath, ['-e', SCRIPT], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { afterLoad: boolean; afterActivate: boolean; later: boolean; messages: string[] };
    assert.equal(r.afterLoad, false, 'loading dist/extension.js does not load dist/engine.js');
    assert.equal(r.afterActivate, false, 'activate() does not load dist/engine.js');
    assert.equal(r.later, true, 'dist/engine.js is loaded once activation is over');
    assert.deepEqual(r.messages, ['newsclean.clean.halfwidth-punctuation 须为 true 或 false']);
  });

  it('does not bundle the engine', () => {
    const text = fs.readFileSync(EXTENSION, 'utf8');
    // The engine's rules register themselves by id; none of them is in the extension's bundle.
    assert.ok(fs.readFileSync(ENGINE, 'utf8').includes('halfwidth-punctuation'));
    assert.ok(!text.includes("'halfwidth-punctuation'") && !text.includes('"halfwidth-punctuation"'), 'a rule of the engine in dist/extension.js');
  });
});
