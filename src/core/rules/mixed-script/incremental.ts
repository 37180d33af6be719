import { withSetting } from '../../config/types';
import { lineLocal, type ContextInput, type LineContext } from '../../engine/incremental/line-local';
import { countScript } from '../../script';
import { sumOutsideJapaneseKorean } from '../../text/japanese-korean';
import { majorityTarget } from './rule';

/** The target: the setting, or the document's majority script from counts carried over. */
function scriptContext({ settings, sum }: ContextInput): LineContext | undefined {
  const setting = settings.get('newsclean.script.target') ?? 'auto';
  // Protected terms that span lines would make lines depend on each other.
  if ((settings.get('newsclean.script.protectedTerms') ?? []).some((t) => /[\r\n]/.test(t))) return undefined;
  if (setting !== 'auto') return { value: setting };
  // Japanese and Korean text counts for neither script, as in the rule.
  const hans = sum('hans', (text, from, to) => sumOutsideJapaneseKorean(text, from, to, (a, b) => countScript(text, a, b).hans));
  const hant = sum('hant', (text, from, to) => sumOutsideJapaneseKorean(text, from, to, (a, b) => countScript(text, a, b).hant));
  // All one script (or none): nothing is mixed, and the rule reports nothing
  // (on a view of such a document too: it cannot hold both scripts either).
  const target = majorityTarget(hans, hant);
  return { value: target ?? 'none', settings: target && withSetting(settings, 'newsclean.script.target', target) };
}

/** A line's findings depend on it and the target alone; messages name lines. */
export const scriptLines = lineLocal({ namesLines: true, context: scriptContext });
