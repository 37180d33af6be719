import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../src/core';
import { ROOT } from '../helpers';

/**
 * The layout the code keeps: a pure core (no `vscode`), no import cycles,
 * and an engine and adapters that know no rule by name (a rule is its folder
 * and one line in rules/index.ts).
 */
const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

// `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`.
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

interface Import {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) out.push({ specifier: m[2] ?? m[3], typeOnly: m[1] !== undefined });
  return out;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base + '.ts', path.join(base, 'index.ts'), base]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return undefined;
}

const files = sources(SRC);
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

describe('architecture', () => {
  it('src/core imports no vscode (it runs in Node and in a browser)', () => {
    const offenders = files.filter((f) => rel(f).startsWith('src/core/') && importsOf(f).some((i) => i.specifier === 'vscode' || i.specifier.startsWith('vscode/')));
    assert.deepEqual(offenders.map(rel), []);
  });

  it('has no import cycle among the sources (`import type` is erased from the build and left out)', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).flatMap((i) => (i.typeOnly ? [] : (resolveImport(f, i.specifier) ?? [])))]));
    // Tarjan's strongly connected components; a component of two or more files is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let next = 0;
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(rel(w));
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of files) if (!index.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });

  // The page anatomy and the outline share the boilerplate rule's taxonomy of lines (rules/boilerplate/kinds.ts): they are core, not engine.
  it('the engine, the adapters, the CLI and the server import only rules/index.ts of the rules, and name no rule', () => {
    const ruleFolders = path.join(SRC, 'core', 'rules');
    const ids = RULES.map((r) => r.meta.id);
    assert.ok(ids.length >= 14, 'the registry lists the rules');
    const offenders: string[] = [];
    for (const f of files) {
      if (!/^src\/(core\/engine|extension|cli|server)\//.test(rel(f))) continue;
      for (const i of importsOf(f)) {
        const target = resolveImport(f, i.specifier);
        if (target && target.startsWith(ruleFolders + path.sep) && target !== path.join(ruleFolders, 'index.ts')) offenders.push(`${rel(f)} imports ${rel(target)}`);
      }
      const text = fs.readFileSync(f, 'utf8');
      for (const id of ids) if (text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`\`${id}\``)) offenders.push(`${rel(f)} names ${id}`);
    }
    assert.deepEqual(offenders, []);
  });
});
