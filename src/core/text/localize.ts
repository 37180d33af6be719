import { t as l10nT } from '@vscode/l10n';

/** The localized templates met so far, cut at their placeholders: literal, name, literal, name, …, literal. */
const parsed = new Map<string, readonly string[]>();

/**
 * `t` of @vscode/l10n, for messages made many times over (one per
 * finding): the localized template is looked up as l10n looks it up, cut at
 * its placeholders once, and filled by joining the pieces, where l10n runs a
 * regular expression with a callback on every call. The result is the same
 * string: a placeholder `{name}` takes `args[name]`, or stays as it is when
 * that is missing.
 */
export function t(message: string, ...args: (string | number)[]): string {
  const template = l10nT(message);
  if (args.length === 0) return template;
  let pieces = parsed.get(template);
  if (!pieces) {
    pieces = template.split(PLACEHOLDER);
    parsed.set(template, pieces);
  }
  if (pieces.length === 1) return template;
  const out: string[] = new Array<string>(pieces.length);
  out[0] = pieces[0];
  for (let k = 1; k < pieces.length; k += 2) {
    const value = (args as unknown as Record<string, string | number | null | undefined>)[pieces[k]];
    out[k] = value === undefined || value === null ? `{${pieces[k]}}` : String(value);
    out[k + 1] = pieces[k + 1];
  }
  return out.join('');
}

/** l10n's placeholder pattern, with its one group: `split` keeps the names. */
const PLACEHOLDER = /{([^}]+)}/;
