// @ts-check
// Checks `npm start` end to end and refreshes docs/screenshots/editor.png:
// runs scripts/editor/start.mjs, opens its URL in headless Chromium, opens
// seed 002 from samples/, waits for the extension's squiggles, the Problems
// panel and the Outline view, and takes a screenshot.
//   node scripts/build.mjs && node scripts/editor/setup.mjs && node scripts/editor/screenshot.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openBrowser } from './chromium.mjs';
import { root } from './lifecycle.mjs';
import { requireEditor } from './paths.mjs';

const out = join(root, 'docs', 'screenshots', 'editor.png');
const FILE = '002_7e5994b88d4897fc.txt';
const paths = requireEditor();
const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
if (fonts.status === 0 && !fonts.stdout.trim()) {
  console.warn('screenshot-editor: no Chinese font installed, the text will show as boxes (apt-get install fonts-wqy-zenhei)');
}

const editor = spawn(process.execPath, [join(root, 'scripts', 'editor', 'start.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
const stopEditor = () => editor.exitCode === null && editor.kill('SIGINT');
process.on('exit', stopEditor);
const url = await new Promise((resolve, reject) => {
  let text = '';
  editor.stdout.on('data', (chunk) => {
    text += chunk;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/\?\S+)/.exec(text);
    if (m) resolve(m[1]);
  });
  editor.on('exit', (code) => reject(new Error(`start-editor exited (${code}) before printing a URL`)));
});
console.log(`screenshot-editor: ${url.slice(0, 60)}...`);

const { browser, context } = await openBrowser({ chromiumPath: paths.chromium, editorUrl: url, viewport: { width: 1400, height: 860 } });
try {
  const page = await context.newPage();
  await page.goto(url);
  const timeout = Number(process.env.SCREENSHOT_TIMEOUT_MS || 120_000);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });

  // Open the file from the Explorer.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).click();
  await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info', { timeout });

  const command = async (title) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout });
    await page.keyboard.type(title);
    await page.waitForSelector('.quick-input-list .monaco-list-row.focused', { timeout });
    await page.keyboard.press('Enter');
  };
  await command('View: Toggle Problems');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout });
  await command('Explorer: Focus on Outline View');
  await page.waitForSelector('.outline-pane .monaco-list-row', { timeout });
  // Back to the editor, cursor on the first problem.
  await command('Go to Next Problem in Files (Error, Warning, Info)');
  await page.waitForSelector('.marker-widget, .zone-widget', { timeout }).catch(() => {});
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot-editor: saved ${out}`);
} catch (error) {
  const debug = join(root, 'docs', 'screenshots', 'editor-failed.png');
  mkdirSync(dirname(debug), { recursive: true });
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: debug }).catch(() => {});
  console.error(`screenshot-editor: failed, see ${debug}`);
  process.exitCode = 1;
  throw error;
} finally {
  await browser.close();
  stopEditor();
}
