import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

export function seedNames(): string[] {
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function seed(prefix: string, suffix = '.txt'): string {
  const name = seedNames().find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return fs.readFileSync(path.join(SEEDS, name + suffix), 'utf8');
}
