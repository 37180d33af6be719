import { t } from '@vscode/l10n';
import type { NewsDocument } from '../document';
import type { Rule } from '../finding';
import {
  BOILERPLATE_KINDS,
  RECORD_KINDS,
  isStandaloneArtefact,
  trailingArtefact,
  type BoilerplateKind,
} from '../classify';
import { excerpt, lineRemovalRange } from '../text/lines';
import { lineKinds } from '../text/kinds';

/**
 * Lines that are not article text: site footers and copyright lines, ICP and
 * public-security filing numbers, reprint notices, platform disclaimers,
 * contact lines, share/navigation chrome, metadata tables and fields,
 * source/date lines and trailing artefacts (`②2`). Staff credits, bylines
 * and photo credits are marked as such but, by default, kept: they belong to
 * the article's record. `newsclean.boilerplate.remove` lists the kinds whose
 * findings carry a fix (removal of the whole line).
 */
export const boilerplate: Rule = {
  id: 'boilerplate',
  description: 'A line that is not article text: footer, filing number, notice, metadata, credit.',
  defaultSeverity: 'info',
  fixable: true,
  safeToClean: true,
  check({ document, settings }, report) {
    const configured = settings.get('newsclean.boilerplate.remove');
    const remove = new Set<string>(Array.isArray(configured) ? configured : []);
    const found = findBoilerplate(document);
    // Whether every non-blank line after line i is removed too (so removals
    // at the end of a document without a final line break never overlap).
    const removedAfter = new Array<boolean>(document.lineCount).fill(false);
    let tail = true;
    const byLine = new Map(found.filter((f) => f.whole).map((f) => [f.line, f]));
    for (let i = document.lineCount - 1; i >= 0; i--) {
      removedAfter[i] = tail;
      const line = document.lines[i];
      const f = byLine.get(i);
      if (!line.blank && !(f && remove.has(f.kind))) tail = false;
    }
    for (const f of found) {
      const line = document.lines[f.line];
      const removable = remove.has(f.kind);
      const record = RECORD_KINDS.includes(f.kind);
      const range = f.whole ? { start: line.start + (line.text.length - line.text.trimStart().length), end: line.start + line.text.trimEnd().length } : f.range!;
      const what = excerpt(document.text.slice(range.start, Math.min(range.end, range.start + 200)));
      // No fix where removing the line would change a line ending.
      const removal = f.whole ? lineRemovalRange(document, f.line, f.line, removedAfter[f.line]) : f.range;
      report({
        range,
        severity: record && !removable ? 'hint' : undefined,
        message: record
          ? t('{0}: “{1}” (part of the article’s record, kept unless newsclean.boilerplate.remove lists it).', kindLabel(f.kind), what)
          : t('Not article text ({0}): “{1}”.', kindLabel(f.kind), what),
        ...(removable && removal
          ? {
              fix: {
                title: f.whole ? t('Remove line {0} ({1})', f.line + 1, kindLabel(f.kind)) : t('Remove the trailing artefact “{0}”', what),
                edits: [
                  {
                    range: removal,
                    text: '',
                  },
                ],
              },
            }
          : {}),
      });
    }
  },
};

export interface BoilerplateLine {
  readonly line: number;
  readonly kind: BoilerplateKind;
  /** True for a whole line; false for a token at the end of a line (`range`). */
  readonly whole: boolean;
  readonly range?: { start: number; end: number };
}

/** Every boilerplate line (and trailing artefact) of the document, in order. */
export function findBoilerplate(doc: NewsDocument): BoilerplateLine[] {
  const out: BoilerplateLine[] = [];
  let lastContent = -1;
  for (let i = doc.lines.length - 1; i >= 0; i--) {
    if (!doc.lines[i].blank) {
      lastContent = i;
      break;
    }
  }
  const kinds = lineKinds(doc);
  for (const line of doc.lines) {
    if (line.blank) continue;
    const kind = kinds[line.index];
    if (kind) {
      out.push({ line: line.index, kind, whole: true });
      continue;
    }
    if (line.index !== lastContent) continue;
    if (isStandaloneArtefact(line.text) && line.index > 0) {
      out.push({ line: line.index, kind: 'artefact', whole: true });
      continue;
    }
    const a = trailingArtefact(line.text);
    if (a) out.push({ line: line.index, kind: 'artefact', whole: false, range: { start: line.start + a.start, end: line.start + a.end } });
  }
  return out;
}

export { BOILERPLATE_KINDS };

/** The localised name of a kind. */
export function kindLabel(kind: BoilerplateKind): string {
  switch (kind) {
    case 'copyright':
      return t('copyright notice');
    case 'filing':
      return t('filing number');
    case 'reprint':
      return t('reprint notice');
    case 'disclaimer':
      return t('platform disclaimer');
    case 'contact':
      return t('contact line');
    case 'chrome':
      return t('page navigation');
    case 'metadata':
      return t('metadata field');
    case 'source':
      return t('source and date line');
    case 'artefact':
      return t('trailing artefact');
    case 'credit':
      return t('staff credit');
    case 'byline':
      return t('byline');
    case 'photo-credit':
      return t('photo credit');
  }
}
