import * as vscode from 'vscode';
import type { Settings } from '../core';
import { GENERAL_SETTINGS } from '../core/config/general';
import { configFiles } from './configFiles';
import { engine } from './engine';

/** The document a configuration scope stands for, when it is one (config files apply to documents). */
function documentUri(scope: vscode.ConfigurationScope | undefined): vscode.Uri | undefined {
  if (scope instanceof vscode.Uri) return scope;
  return scope && 'getText' in scope ? (scope as vscode.TextDocument).uri : undefined;
}

/**
 * The setting values of one document: VS Code's configuration (defaults,
 * user, workspace, folder), with the config files of the repository laid
 * over it (see configFiles.ts); `ignored` when a `.newscleanignore` excludes
 * the document.
 */
export function settingValuesFor(scope: vscode.ConfigurationScope | undefined): { values: Record<string, unknown>; ignored: boolean } {
  const config = vscode.workspace.getConfiguration(undefined, scope);
  const values: Record<string, unknown> = {};
  for (const key of engine().settingKeys()) values[key] = config.get(key);
  const uri = documentUri(scope);
  const files = uri ? configFiles()?.resolve(uri) : undefined;
  return { values: files?.files.length ? engine().mergeLayers(values, files.values) : values, ignored: files?.ignored === true };
}

/** The core's settings for one document (see settingValuesFor). */
export function settingsFor(scope: vscode.ConfigurationScope | undefined, onError?: (m: string) => void): Settings {
  return engine().resolveSettings(settingValuesFor(scope).values, onError);
}

/**
 * `newsclean.languages` in VS Code's settings (config files are for
 * documents), as settingsFor(undefined) gives it but without loading the
 * engine: activation needs it to start the language server.
 */
export function workspaceLanguages(): string[] {
  const value: unknown = vscode.workspace.getConfiguration().get('newsclean.languages');
  // An invalid value counts as unset (resolveSettings: the default).
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : [...GENERAL_SETTINGS['newsclean.languages'].default];
}

/** The documents the extension checks, as a selector (see workspaceLanguages). */
export function languageSelector(): { language: string }[] {
  return workspaceLanguages().map((language) => ({ language }));
}

export function isChecked(document: vscode.TextDocument): boolean {
  if (configFiles()?.resolve(document.uri)?.ignored) return false;
  const languages = settingsFor(document).get('newsclean.languages');
  return languages.includes(document.languageId);
}
