/**
 * The text model shared by every rule: the text split once into lines, with
 * UTF-16 offsets exactly as VS Code counts them (a surrogate pair is two
 * units, "\r\n" ends one line, a lone "\r" ends a line too).
 */

export type Eol = '\n' | '\r\n' | '\r';

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

export interface Range {
  /** Start offset in UTF-16 units, inclusive. */
  readonly start: number;
  /** End offset in UTF-16 units, exclusive. */
  readonly end: number;
}

export interface Line {
  readonly index: number;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character, before the line ending. */
  readonly end: number;
  /** The line ending that closes this line ('' on the last line). */
  readonly eol: '' | Eol;
  readonly text: string;
  /** True when the line holds nothing but white space. */
  readonly blank: boolean;
}

/** A run of non-blank lines between blank lines. */
export interface Block {
  readonly firstLine: number;
  readonly lastLine: number;
  readonly range: Range;
}

/**
 * The structural document the core accepts (after
 * vscode-markdown-languageservice's ITextDocument): anything that can give its
 * text. The extension passes a `vscode.TextDocument`, the CLI a file's text.
 */
export interface TextSource {
  readonly uri?: string;
  readonly version?: number;
  getText(): string;
}

/**
 * How an edited document's lines differ from those of the document it was
 * made from (NewsDocument.edited): lines `[first, next)` of the old one were
 * replaced by `[first, next + lineDelta)`; the old document's line values
 * (lineValues) by key.
 */
export interface LineEdit {
  readonly first: number;
  readonly next: number;
  readonly lineDelta: number;
  oldLineValues(key: object): readonly unknown[] | undefined;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The line values (lineValues) of the document `edited` made each edited
 * one from — its values, not the document: a chain of edits holds no
 * earlier texts, and no weak reference keeps them alive either (a WeakRef's
 * target lives until the end of the job that made it, which would be all of a
 * loop of edits) — and its lines `[first, next)` that the edit replaced: the
 * edited document's lines from `next + lineDelta` are its lines from `next`.
 * Kept aside, so that an edited document equals the same text made anew.
 */
const origins = new WeakMap<NewsDocument, { readonly values: Map<object, unknown>; readonly first: number; readonly next: number; readonly lineDelta: number }>();
const BLANK = /^[\s\u3000]*$/;

export class NewsDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: readonly Line[];
  /** The most frequent line ending, '\n' when the text has none. */
  readonly eol: Eol;
  /** True when the text mixes line endings. */
  readonly mixedEol: boolean;
  /** How many lines end with each line ending. */
  private readonly eolCounts: Readonly<Record<Eol, number>>;
  private blocksCache: readonly Block[] | undefined;
  /** Values per line (lineValues) and of the whole document (documentValue), by key. */
  private lineValuesCache: Map<object, unknown> | undefined;

  /**
   * `parts`: the text's lines and line-ending counts when the caller has
   * them (an edited document, a view); otherwise the text is split here.
   */
  constructor(text: string, uri = 'untitled:document', version = 0, parts?: { readonly lines: readonly Line[]; readonly eolCounts: Readonly<Record<Eol, number>> }) {
    this.text = text;
    this.uri = uri;
    this.version = version;
    if (parts) {
      this.lines = parts.lines;
      this.eolCounts = parts.eolCounts;
    } else {
      const lines: Line[] = [];
      const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
      splitLines(text, 0, Infinity, lines, counts);
      this.lines = Object.freeze(lines);
      this.eolCounts = counts;
    }
    ({ eol: this.eol, mixedEol: this.mixedEol } = dominantEol(this.eolCounts));
  }

  /**
   * This document after an edit: `[from, oldTo)` of its text became
   * `[from, text.length - (this.text.length - oldTo))` of `text`, the rest
   * is equal. Equal to `new NewsDocument(text, uri, version)`; the lines
   * before the edit are this document's own, those after it are moved, and
   * only the lines the edit touched are split again (engine/incremental).
   */
  edited(text: string, from: number, oldTo: number, uri = 'untitled:document', version = 0): NewsDocument {
    const delta = text.length - this.text.length;
    // Lines that end (line ending and one more character included) before
    // `from` are unchanged; so are those that start after the edit (their
    // line break, and what follows it, lies after the edit in both texts).
    const first = from > 0 ? this.lineAt(from - 1).index : 0;
    const next = this.lineAt(oldTo).index + 1;
    // A loop, not slice: slicing a frozen array takes V8's slow path.
    const lines: Line[] = [];
    for (let i = 0; i < first; i++) lines.push(this.lines[i]);
    // Written out, not spread: a spread object has another shape than the one splitLines is compiled for.
    const counts = { '\n': this.eolCounts['\n'], '\r\n': this.eolCounts['\r\n'], '\r': this.eolCounts['\r'] };
    for (let i = first; i < next; i++) if (this.lines[i].eol) counts[this.lines[i].eol as Eol]--;
    // The edited lines' texts are copies: a slice of a long string keeps all of it alive (in V8), and
    // these lines are handed on from edit to edit, each would keep its own version of the whole text.
    splitLines(text, this.lines[first].start, oldTo + delta, lines, counts, true);
    for (let i = next; i < this.lines.length; i++) {
      const l = this.lines[i];
      lines.push(lineOf(lines.length, l.start + delta, l.end + delta, l.eol, l.text, l.blank));
    }
    const document = new NewsDocument(text, uri, version, { lines: Object.freeze(lines), eolCounts: counts });
    origins.set(document, { values: (this.lineValuesCache ??= new Map()), first, next, lineDelta: lines.length - this.lines.length });
    return document;
  }

  /**
   * A value per line that depends on the line alone (its text), computed
   * once per document under `key`. A document made by `edited` takes the
   * values of its unchanged lines from the document it was made from, when
   * that one has them, and computes only the lines the edit touched.
   */
  lineValues<T>(key: object, compute: (line: Line) => T): readonly T[] {
    const known = this.lineValuesCache?.get(key) as readonly T[] | undefined;
    if (known) return known;
    const lines = this.lines;
    const origin = origins.get(this);
    const old = origin?.values.get(key) as readonly T[] | undefined;
    let values: T[];
    if (origin && old) {
      const after = origin.next + origin.lineDelta;
      const edited = new Array<T>(after - origin.first);
      let same = origin.lineDelta === 0;
      for (let i = origin.first; i < after; i++) same = (edited[i - origin.first] = compute(lines[i])) === old[i] && same;
      // The edit left every value as it was: the old array is this document's too.
      if (same) return this.keepLineValues(key, old);
      values = new Array<T>(lines.length);
      for (let i = 0; i < origin.first; i++) values[i] = old[i];
      for (let i = origin.first; i < after; i++) values[i] = edited[i - origin.first];
      for (let i = after; i < lines.length; i++) values[i] = old[i - origin.lineDelta];
    } else {
      values = new Array<T>(lines.length);
      for (let i = 0; i < lines.length; i++) values[i] = compute(lines[i]);
    }
    return this.keepLineValues(key, values);
  }

  private keepLineValues<T>(key: object, values: readonly T[]): readonly T[] {
    (this.lineValuesCache ??= new Map()).set(key, values);
    return values;
  }

  /**
   * A value of the whole document under `key`, computed once per document.
   * A document made by `edited` offers the value of the document it was made
   * from, when that one has it, to `carry` with the edit (see LineEdit);
   * `compute` makes it when there is none or `carry` declines.
   */
  documentValue<T>(key: object, compute: () => T, carry?: (old: T, edit: LineEdit) => T | undefined): T {
    const cache = (this.lineValuesCache ??= new Map());
    if (cache.has(key)) return cache.get(key) as T;
    const origin = origins.get(this);
    let value: T | undefined;
    if (carry && origin?.values.has(key)) {
      const { values, first, next, lineDelta } = origin;
      value = carry(values.get(key) as T, { first, next, lineDelta, oldLineValues: (k) => values.get(k) as readonly unknown[] | undefined });
    }
    if (value === undefined) value = compute();
    cache.set(key, value);
    return value;
  }

  static from(source: TextSource): NewsDocument {
    return new NewsDocument(source.getText(), source.uri, source.version);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** From the start of the first line to the end of the last one (the whole text, except on a view). */
  get span(): Range {
    return { start: this.lines[0].start, end: this.lines[this.lines.length - 1].end };
  }

  /**
   * Lines `first..last` as a document of their own: the same text, offsets
   * and line numbers, but only those lines. A rule whose findings on a line
   * depend on that line (or its block) alone reports on a view exactly what
   * it reports on those lines of the whole document: incremental analysis
   * re-checks edited lines this way (engine/incremental).
   */
  view(first: number, last: number): NewsDocument {
    return new NewsDocument(this.text, this.uri, this.version, { lines: Object.freeze(this.lines.slice(first, last + 1)), eolCounts: this.eolCounts });
  }

  /** Runs of non-blank lines separated by blank lines, computed once. */
  get blocks(): readonly Block[] {
    if (!this.blocksCache) {
      const blocks: Block[] = [];
      let first = -1;
      for (const line of this.lines) {
        if (!line.blank && first < 0) first = line.index;
        if (line.blank && first >= 0) {
          blocks.push(this.block(first, line.index - 1));
          first = -1;
        }
      }
      if (first >= 0) blocks.push(this.block(first, this.lines.length - 1));
      this.blocksCache = Object.freeze(blocks);
    }
    return this.blocksCache;
  }

  private block(firstLine: number, lastLine: number): Block {
    return { firstLine, lastLine, range: { start: this.lines[firstLine].start, end: this.lines[lastLine].end } };
  }

  /** The line holding `offset` (binary search). */
  lineAt(offset: number): Line {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= o) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo];
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    return { line: line.index, character: Math.min(Math.max(0, offset), line.end + line.eol.length) - line.start };
  }

  offsetAt(position: Position): number {
    const k = position.line - this.lines[0].index; // a view's lines start later
    if (k < 0) return this.span.start;
    if (k >= this.lines.length) return this.span.end;
    const line = this.lines[k];
    return line.start + Math.max(0, Math.min(position.character, line.end - line.start));
  }
}

/**
 * Appends to `lines` the lines of `text` from `start` (a line start) until
 * the first that starts after `until` (or the end), counting line endings.
 */
function splitLines(text: string, start: number, until: number, lines: Line[], counts: Record<Eol, number>, copy = false): void {
  LINE_BREAK.lastIndex = start;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    const eol = m[0] as Eol;
    counts[eol]++;
    lines.push(makeLine(text, lines.length, start, m.index, eol, copy));
    start = m.index + eol.length;
    if (start > until) return;
  }
  lines.push(makeLine(text, lines.length, start, text.length, '', copy));
}

/**
 * A copy of `text` that keeps no longer string alive. V8 makes a slice of 13
 * characters or more a view into the string it was cut from; joining a
 * character on flattens the text into a string of its own, of which the
 * slice is then a view.
 */
function detached(text: string, copy = true): string {
  // The length first: a whole text's lines (no copy) read it too, so the first edit's call runs compiled code.
  return text.length < 13 || !copy ? text : (' ' + text).slice(1);
}

function dominantEol(counts: Readonly<Record<Eol, number>>): { eol: Eol; mixedEol: boolean } {
  const kinds = (Object.keys(counts) as Eol[]).filter((k) => counts[k] > 0);
  return { eol: kinds.length === 0 ? '\n' : kinds.reduce((a, b) => (counts[b] > counts[a] ? b : a)), mixedEol: kinds.length > 1 };
}

function makeLine(text: string, index: number, start: number, end: number, eol: '' | Eol, copy = false): Line {
  const body = detached(text.slice(start, end), copy);
  return lineOf(index, start, end, eol, body, BLANK.test(body));
}

/** Every line is made here: lines of one shape, so that code compiled for a whole text's lines takes an edited text's too. */
function lineOf(index: number, start: number, end: number, eol: '' | Eol, text: string, blank: boolean): Line {
  return Object.freeze({ index, start, end, eol, text, blank });
}
