import * as assert from 'node:assert/strict';
import { NewsDocument, RULES, analyze, parseOutline } from '../../../src/core';

/**
 * Adversarial inputs through every rule and the outline. Time is never
 * asserted absolutely: each input is run at two sizes and the growth must
 * stay linear (×4 the input may cost at most ×10 the time, where a quadratic
 * rule would cost ×16), measured in CPU time, which holds on a loaded
 * machine too.
 */
const generators: Record<string, (n: number) => string> = {
  'one long line of prose': (n) => '对此,朱是西反复强调:1,000人在8:30到达(北京)!'.repeat(Math.ceil(n / 28)).slice(0, n),
  'open parentheses': (n) => '('.repeat(n),
  'nested brackets around Han': (n) => '（'.repeat(n >> 1) + '中' + '）'.repeat(n >> 1),
  'one repeated character': (n) => '中'.repeat(n),
  'short lines': (n) => '，中\n'.repeat(Math.ceil(n / 3)),
  'lines of one comma': (n) => ',\n'.repeat(n >> 1),
  'random code units': (n) => Array.from({ length: n }, (_, i) => String.fromCharCode((i * 7919 + 13) % 65536)).join(''),
  'mojibake-like Latin-1': (n) => 'å—é˜³ÄÏÑô'.repeat(Math.ceil(n / 8)).slice(0, n),
  'question marks in Han': (n) => '中?'.repeat(n >> 1),
  'replacement characters': (n) => '\ufffd'.repeat(n),
  'pinyin-like parentheses': (n) => '簡(jiǎn'.repeat(Math.ceil(n / 7)).slice(0, n),
  'digits and colons': (n) => '1:2,3.'.repeat(Math.ceil(n / 6)),
  'repeated paragraph': (n) => '南阳发展机遇千载难逢，全市上下要在思想上高度重视。\n'.repeat(Math.ceil(n / 26)),
};

function cost(fn: () => void, runs = 3): number {
  // The minimum of a few runs is the least noisy estimate of the work. The
  // process's CPU time, not the wall clock: time spent waiting for a core
  // that other processes hold is not work, and a busy machine must not look
  // like a quadratic rule.
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1e3);
  }
  return best;
}

describe('adversarial inputs: every rule and the outline stay linear', function () {
  this.timeout(120_000);
  const SMALL = 50_000;
  const targets: [string, (text: string) => void][] = [
    ...RULES.map((r): [string, (text: string) => void] => [r.meta.id, (text) => void analyze(new NewsDocument(text), { rules: [r.meta.id] })]),
    ['outline', (text) => void parseOutline(new NewsDocument(text))],
  ];
  for (const [name, make] of Object.entries(generators)) {
    for (const [target, run] of targets) {
      it(`${target} on ${name}`, () => {
        const small = make(SMALL);
        const large = make(SMALL * 4);
        run(small); // warm caches and lazy tables
        let a = cost(() => run(small));
        let b = cost(() => run(large));
        // Below a few milliseconds the clock says little; only growth above that counts.
        // A busy machine can stall one measurement: a quadratic rule fails again, noise does not.
        // Taking turns, so that a stall falls on both sizes alike.
        for (let retry = 0; retry < 7 && !(b < Math.max(10 * a, 25)); retry++) {
          a = Math.min(a, cost(() => run(small), 1));
          b = Math.min(b, cost(() => run(large), 1));
        }
        assert.ok(b < Math.max(10 * a, 25), `×4 input took ${(b / a).toFixed(1)}× the time (${a.toFixed(1)} → ${b.toFixed(1)} ms)`);
      });
    }
  }
});
