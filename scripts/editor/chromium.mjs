// @ts-check
// Headless Chromium for every driver of the editor: launched through
// playwright-core, shut off from everything but the editor it opens.
import { createRequire } from 'node:module';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Headless Chromium (playwright-core) with one browser context of
 * `viewport` that reaches nothing but the editor at `editorUrl`: the
 * workbench's calls to marketplaces and telemetry fail at once instead of
 * waiting for a network these machines do not have.
 */
export async function openBrowser({ chromiumPath, editorUrl, viewport }) {
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport });
  const origin = new URL(editorUrl).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`) || u === origin || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    return route.abort();
  });
  return { browser, context };
}

/**
 * A page of a fresh browser on the editor at `editorUrl`, reporting what goes
 * wrong: page errors to `onPageError`, a crash to `onCrash`, and the
 * browser's console on this process's when `verbose`.
 * @param {{ chromiumPath: string, editorUrl: string, viewport: { width: number, height: number },
 *   verbose?: boolean, onPageError: (error: Error) => void, onCrash: () => void }} options
 */
export async function openPage({ chromiumPath, editorUrl, viewport, verbose = false, onPageError, onCrash }) {
  const { browser, context } = await openBrowser({ chromiumPath, editorUrl, viewport });
  const page = await context.newPage();
  page.on('pageerror', onPageError);
  if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  page.on('crash', onCrash);
  return { browser, context, page };
}
