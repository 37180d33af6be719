// Entry point of the integration suite, loaded by the editor's extension host
// (extensionTestsPath). scripts/editor/run-integration.mjs starts code-server and a
// headless Chromium; this runs mocha over out/test/integration/**/*.test.js
// inside the real extension host, with the full `vscode` API.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha');

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function run(): Promise<void> {
  // The extension host forwards console.* to the workbench, which hands it to
  // the test driver (codeAutomationLog); process.stdout of the remote host
  // goes nowhere visible. Mocha's reporters print through Base.consoleLog and
  // process.stdout.write: route both to console.log, one call per line.
  let pending = '';
  const write = (chunk: unknown): boolean => {
    pending += String(chunk);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) console.log(line);
    return true;
  };
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => write(`${format(...args)}\n`);
  const stdoutWrite = process.stdout.write;
  process.stdout.write = write as typeof process.stdout.write;

  const grep = process.env.NEWSCLEAN_TEST_GREP || undefined;
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 120_000, ...(grep ? { grep } : {}) });
  // scripts/editor/run-integration.mjs runs passes: 'trusted' runs every file but
  // the display-language one, 'untrusted' only the workspace-trust suite,
  // 'zh-cn' only the display-language suite.
  const only: Record<string, string> = { untrusted: 'restricted.test.js', 'zh-cn': 'locale.test.js' };
  const pass = process.env.NEWSCLEAN_TEST_PASS ?? 'trusted';
  for (const file of testFiles(__dirname)) {
    const name = path.basename(file);
    if (only[pass] ? name === only[pass] : name !== only['zh-cn']) mocha.addFile(file);
  }

  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (pending) write('\n');
        process.stdout.write = stdoutWrite;
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      process.stdout.write = stdoutWrite;
      reject(error);
    }
  });
}
