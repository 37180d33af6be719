/**
 * The ready-made strategy of a line-local rule: one whose findings on a
 * line depend on that line alone, given a document-wide context (a setting,
 * or a count over the document such as its majority script). Only the
 * edited lines are checked again, on a view of the new document; when the
 * context changes, the whole document is checked again.
 */
import type { Settings } from '../../config/types';
import { lineSum, spliced } from './carry';
import type { Change, IncrementalStrategy, RuleFindings } from './types';

export interface LineLocality {
  /** Messages name line numbers: findings after an edit that adds or removes lines are made again. */
  readonly namesLines: boolean;
  /**
   * The rule's document-wide input, as a string, and the settings that give
   * it to a view of the document. Undefined: the lines depend on each other
   * after all, and the rule runs on the whole document.
   */
  readonly context?: (input: ContextInput) => LineContext | undefined;
}

export interface ContextInput {
  readonly settings: Settings;
  readonly change: Change;
  /**
   * A count over the text that no line break interrupts, carried over the
   * edit under `key` (only the edited lines are counted again: lineSum).
   */
  sum(key: string, count: (text: string, from: number, to: number) => number): number;
}

export interface LineContext {
  readonly value: string;
  /** The settings a view is checked with (the context made explicit). */
  readonly settings?: Settings;
}

/** What a line-local rule carries over: its context, and the counts it was made from. */
export interface LineLocalState {
  readonly context: string;
  readonly sums: ReadonlyMap<string, number>;
}

export function lineLocal(locality: LineLocality): IncrementalStrategy<LineLocalState> {
  return (ctx): RuleFindings => {
    const { document, change, previous } = ctx;
    const sums = new Map<string, number>();
    const input: ContextInput = {
      settings: ctx.settings,
      change,
      sum(key, count) {
        const total = lineSum(change, previous?.state?.sums.get(key), count);
        sums.set(key, total);
        return total;
      },
    };
    let context: LineContext | undefined = { value: '' };
    if (locality.context) {
      try {
        context = locality.context(input);
      } catch {
        context = undefined; // the rule fails on the whole document too, and says so
      }
    }
    if (!context) return made(ctx.run());
    ctx.save({ context: context.value, sums });
    const settings = context.settings ?? ctx.settings;
    if (!previous || !change.old || previous.state?.context !== context.value) return made(ctx.run({ settings }));
    const last = locality.namesLines && change.lineDelta !== 0 ? document.lineCount - 1 : change.last;
    const fresh = ctx.checkPart({ settings, document: document.view(change.first, last) });
    if (!fresh) return made(ctx.fallback({ settings }));
    return spliced(previous.findings, fresh, change, last - change.lineDelta);
  };
}

/** Findings none of which is known to be a previous one. */
export function made(findings: RuleFindings['findings']): RuleFindings {
  return { findings, kept: 0, moved: 0 };
}
