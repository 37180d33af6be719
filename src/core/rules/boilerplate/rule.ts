import { t } from '../../text/localize';
import type { Check, RuleMeta } from '../../rule';
import { BOILERPLATE_SETTINGS } from './settings';
import type { NewsDocument } from '../../document';
import type { Report } from '../../finding';
import type { Settings } from '../../config/types';
import { RECORD_KINDS, isStandaloneArtefact, kindLabel, trailingArtefact, type BoilerplateKind } from './kinds';
import { excerpt, lineRemovalRange } from '../../text/lines';
import { documentKinds } from '../../anatomy';
import { japaneseKoreanSpansOf } from '../../text/japanese-korean';
import { insideSpans } from '../../text/spans';

/**
 * Lines that are not article text: site footers and copyright lines, ICP and
 * public-security filing numbers, reprint notices, platform disclaimers,
 * contact lines, share/navigation chrome, metadata tables and fields,
 * source/date lines and trailing artefacts (`②2`). Staff credits, bylines
 * and photo credits are marked as such but, by default, kept: they belong to
 * the article's record. `newsclean.boilerplate.remove` lists the kinds whose
 * findings carry a fix (removal of the whole line).
 */
export const meta: RuleMeta = {
  id: 'boilerplate',
  description: 'A line that is not article text: footer, filing number, notice, metadata, credit.',
  family: 'boilerplate',
  docs: 'rule-boilerplate',
  defaultSeverity: 'info',
  fixable: true,
  safeToClean: true,
  settings: BOILERPLATE_SETTINGS,
};

export const check: Check = ({ document, settings }, report) => {
    const remove = removedKinds(settings);
    for (const f of removableLines(document, remove)) report(boilerplateReport(document, f, remove));
};

/** The kinds `newsclean.boilerplate.remove` lists. */
export function removedKinds(settings: Settings): ReadonlySet<string> {
  const configured = settings.get('newsclean.boilerplate.remove');
  return new Set<string>(Array.isArray(configured) ? configured : []);
}

/** A boilerplate line, and whether every non-blank line after it is removed too. */
export interface RemovableLine extends BoilerplateLine {
  readonly removedAfter: boolean;
}

/** findBoilerplate's lines with removedAfter (so that removals at the end of a document without a final line break never overlap). */
export function removableLines(document: NewsDocument, remove: ReadonlySet<string>): RemovableLine[] {
  const found = findBoilerplate(document);
  const out = new Array<RemovableLine>(found.length);
  const lines = document.lines;
  let tail = true;
  for (let k = found.length - 1, i = lines.length - 1; k >= 0; k--) {
    const f = found[k];
    // Lines after f that are not in the list end the tail when they are not blank.
    for (; tail && i > f.line; i--) if (!lines[i].blank) tail = false;
    out[k] = { line: f.line, kind: f.kind, whole: f.whole, range: f.range, removedAfter: tail };
    if (f.whole && remove.has(f.kind)) i = f.line - 1;
  }
  return out;
}

/** The finding of a boilerplate line. */
export function boilerplateReport(document: NewsDocument, f: RemovableLine, remove: ReadonlySet<string>): Report {
  const line = document.lines[f.line];
  const removable = remove.has(f.kind);
  const record = RECORD_KINDS.includes(f.kind);
  const range = f.whole ? { start: line.start + (line.text.length - line.text.trimStart().length), end: line.start + line.text.trimEnd().length } : f.range!;
  const what = excerpt(document.text.slice(range.start, Math.min(range.end, range.start + 200)));
  // No fix where removing the line would change a line ending.
  const removal = f.whole ? lineRemovalRange(document, f.line, f.line, f.removedAfter) : f.range;
  return {
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
  };
}

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
  for (let i = doc.lineCount - 1; i >= 0; i--) {
    if (!doc.lines[i].blank) {
      lastContent = i;
      break;
    }
  }
  const kinds = documentKinds(doc);
  const lines = doc.lines;
  // A Japanese or Korean line is never reported (the engine would drop its finding: no entry may lack one).
  const foreign = japaneseKoreanSpansOf(doc);
  const isForeign = (line: (typeof lines)[number]) => foreign.length > 0 && insideSpans(foreign, line.start + (line.text.length - line.text.trimStart().length), line.start + line.text.trimEnd().length);
  // An index loop: for-of over a frozen array takes V8's slow path (incremental analysis runs this after each edit).
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.blank) continue;
    const kind = kinds[line.index];
    if (kind && isForeign(line)) continue;
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
    if (a && !(foreign.length > 0 && insideSpans(foreign, line.start + a.start, line.start + a.end))) out.push({ line: line.index, kind: 'artefact', whole: false, range: { start: line.start + a.start, end: line.start + a.end } });
  }
  return out;
}
