// @ts-check
// What the editor drivers read off the workbench page, written once.

/**
 * Runs in the page: the status bar's Problems count (errors + warnings +
 * infos) and its label, or null before it shows.
 * @returns {{ total: number, label: string } | null}
 */
export function problemsInStatusBar() {
  const item = document.getElementById('status.problems');
  if (!item) return null;
  const label = item.querySelector('[aria-label]')?.getAttribute('aria-label') ?? item.getAttribute('aria-label') ?? '';
  if (/no problems/i.test(label)) return { total: 0, label };
  const numbers = [...label.matchAll(/(\d+)/g)].map((m) => Number(m[1]));
  if (numbers.length === 0) return null;
  return { total: numbers.reduce((a, b) => a + b, 0), label };
}

/**
 * Waits until the status bar's Problems count is `expected` (checked at
 * every frame); fails after `timeout` ms saying what it read.
 * @param {import('playwright-core').Page} page
 * @param {number} expected
 * @param {string} what
 * @param {number} timeout
 */
export async function waitForProblems(page, expected, what, timeout) {
  await page
    // Playwright sends a function as its source anyway: the reading function and the test, as one expression.
    .waitForFunction(`(${problemsInStatusBar})()?.total === ${Number(expected)}`, undefined, { timeout, polling: 'raf' })
    .catch(async (error) => {
      const now = await page.evaluate(problemsInStatusBar);
      throw new Error(`the status bar's Problems count never became ${what}; it reads “${now?.label}” (${error.message.split('\n')[0]})`);
    });
  return expected;
}
