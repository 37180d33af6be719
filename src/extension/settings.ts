import * as vscode from 'vscode';
import { RULES, SETTINGS, cleanKey, resolveSettings, ruleKey, type Settings } from '../core';

/** The core's settings for one document, read from VS Code's configuration. */
export function settingsFor(scope: vscode.ConfigurationScope | undefined, onError?: (m: string) => void): Settings {
  const config = vscode.workspace.getConfiguration(undefined, scope);
  const values: Record<string, unknown> = {};
  for (const key of [...Object.keys(SETTINGS), ...RULES.flatMap(({ meta: r }) => [ruleKey(r.id), cleanKey(r.id)])]) values[key] = config.get(key);
  return resolveSettings(values, onError);
}

export function isChecked(document: vscode.TextDocument): boolean {
  const languages = settingsFor(document).get('newsclean.languages');
  return languages.includes(document.languageId);
}
