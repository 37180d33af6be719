import * as fs from 'node:fs';
import * as path from 'node:path';

export const LOCALES = ['en', 'zh-cn', 'zh-tw'] as const;

/** `--locale` first, then LC_ALL, LC_MESSAGES, LANG (`zh_TW.UTF-8` → zh-tw). */
export function pickLocale(arg: string | undefined, env: Record<string, string | undefined>): string {
  const raw = arg ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? 'en';
  const v = raw.toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  if (/^zh-(tw|hk|mo|hant)/.test(v)) return 'zh-tw';
  if (v.startsWith('zh')) return 'zh-cn';
  return 'en';
}

/** The l10n bundle for a locale, read from the package's `l10n/` folder. */
export function readBundle(locale: string): Record<string, string> | undefined {
  if (locale === 'en') return undefined;
  for (const dir of [path.join(__dirname, '..', 'l10n'), path.join(__dirname, '..', '..', '..', 'l10n')]) {
    const file = path.join(dir, `bundle.l10n.${locale}.json`);
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  }
  return undefined;
}
