/**
 * One config file (`.newsclean.jsonc` / `.newsclean.json`): JSON with
 * comments, parsed by Microsoft's `jsonc-parser` (the parser of VS Code's own
 * settings files), validated key by key against the one settings source
 * (`SETTINGS` and `validateSetting` in config.ts, the rule registry), every
 * problem kept with its offsets so the editor can show it on the file.
 */
import { t } from '@vscode/l10n';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { RULE_LEVELS, SETTINGS, validateSetting } from '../config';
import { RULES } from '../rules';

/** A problem in a config file; offsets are UTF-16, into the file's text. */
export interface ConfigIssue {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface ConfigOverride {
  /** Globs, relative to the directory of the config file that was found for the document. */
  readonly files: readonly string[];
  readonly values: Readonly<Record<string, unknown>>;
}

export interface ConfigExtends {
  /** As written: relative to the file's directory, or absolute. */
  readonly target: string;
  readonly start: number;
  readonly end: number;
}

export interface ConfigFileData {
  readonly path: string;
  /** Valid settings only (invalid ones are issues and left out). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly extends: readonly ConfigExtends[];
  /** `"root": true`: files farther up are not read. */
  readonly root: boolean;
  readonly overrides: readonly ConfigOverride[];
  readonly issues: readonly ConfigIssue[];
}

/** Keys of a config file that are not settings. */
export const META_KEYS = ['$schema', 'extends', 'root', 'overrides'] as const;

/** Whether `key` names a setting: one of SETTINGS, or a rule's level or clean switch for a registered rule. */
export function isSettingKey(key: string): boolean {
  if (Object.prototype.hasOwnProperty.call(SETTINGS, key)) return true;
  const m = /^newsclean\.(rules|clean)\.(.+)$/.exec(key);
  return m !== null && RULES.some((r) => r.meta.id === m[2]);
}

/** What a setting's value must be, as a localized sentence. */
export function expectedValue(key: string): string {
  if (key.startsWith('newsclean.rules.')) return t('{0} must be one of: {1}.', key, RULE_LEVELS.join(', '));
  if (key.startsWith('newsclean.clean.')) return t('{0} must be true or false.', key);
  const s = (SETTINGS as Record<string, { type: string; enum?: readonly string[]; minimum?: number }>)[key];
  if (s.enum) return t('{0} must be one of: {1}.', key, s.enum.join(', '));
  if (s.type === 'array') return t('{0} must be an array of strings.', key);
  if (s.type === 'boolean') return t('{0} must be true or false.', key);
  if (s.type === 'number') return s.minimum === undefined ? t('{0} must be a number.', key) : t('{0} must be a number, at least {1}.', key, s.minimum);
  return t('{0} must be a string.', key);
}

function unknownKey(key: string): string {
  if (!key.startsWith('newsclean.') && isSettingKey(`newsclean.${key}`)) return t('Unknown setting “{0}”: did you mean “{1}”?', key, `newsclean.${key}`);
  const rule = /^newsclean\.(rules|clean)\.(.+)$/.exec(key);
  if (rule) return t('Unknown rule “{0}” in “{1}”. The rules are: {2}.', rule[2], key, RULES.map((r) => r.meta.id).join(', '));
  return t('Unknown setting “{0}”.', key);
}

/**
 * Reads the settings of an object node (the file itself or an override's
 * `settings`); `meta` handles the keys that are not settings.
 */
function readSettings(
  node: Node,
  path: string,
  issues: ConfigIssue[],
  meta?: (key: string, value: Node, keyNode: Node) => void,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const issue = (n: Node, message: string) => issues.push({ path, start: n.offset, end: n.offset + n.length, message });
    if (meta && (META_KEYS as readonly string[]).includes(key)) {
      meta(key, valueNode, keyNode);
    } else if (!isSettingKey(key)) {
      issue(keyNode, unknownKey(key));
    } else {
      const value: unknown = getNodeValue(valueNode);
      if (validateSetting(key, value) !== undefined) issue(valueNode, expectedValue(key));
      else values[key] = value;
    }
  }
  return values;
}

function strings(node: Node, path: string, issues: ConfigIssue[], message: string): Node[] {
  const items = node.type === 'array' ? (node.children ?? []) : [node];
  const good = items.filter((n) => n.type === 'string');
  if (good.length !== items.length || (node.type === 'array' && items.length === 0)) {
    issues.push({ path, start: node.offset, end: node.offset + node.length, message });
  }
  return good;
}

/** Parses and validates the text of the config file at `path`. Never throws. */
export function parseConfigFile(path: string, text: string): ConfigFileData {
  const issues: ConfigIssue[] = [];
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    issues.push({ path, start: e.offset, end: e.offset + Math.max(1, e.length), message: t('Syntax error in the config file: {0}.', printParseErrorCode(e.error)) });
  }
  const data = { path, values: {} as Record<string, unknown>, extends: [] as ConfigExtends[], root: false, overrides: [] as ConfigOverride[], issues };
  if (!tree) return data;
  if (tree.type !== 'object') {
    issues.push({ path, start: tree.offset, end: tree.offset + tree.length, message: t('A config file holds one JSON object.') });
    return data;
  }
  data.values = readSettings(tree, path, issues, (key, value) => {
    const issue = (n: Node, message: string) => issues.push({ path, start: n.offset, end: n.offset + n.length, message });
    if (key === '$schema') return;
    if (key === 'root') {
      if (value.type !== 'boolean') issue(value, t('“root” must be true or false.'));
      else data.root = value.value === true;
    } else if (key === 'extends') {
      for (const n of strings(value, path, issues, t('“extends” takes a path or a list of paths to other config files.'))) {
        data.extends.push({ target: String(n.value), start: n.offset, end: n.offset + n.length });
      }
    } else if (key === 'overrides') {
      if (value.type !== 'array') {
        issue(value, t('“overrides” takes a list of objects with “files” and “settings”.'));
        return;
      }
      for (const item of value.children ?? []) {
        if (item.type !== 'object') {
          issue(item, t('“overrides” takes a list of objects with “files” and “settings”.'));
          continue;
        }
        let files: string[] = [];
        let values: Record<string, unknown> = {};
        let sawFiles = false;
        for (const prop of item.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k || !v) continue;
          if (k.value === 'files') {
            sawFiles = true;
            files = strings(v, path, issues, t('“files” takes a glob or a list of globs.')).map((n) => String(n.value));
          } else if (k.value === 'settings') {
            if (v.type !== 'object') issue(v, t('“settings” takes an object of settings.'));
            else values = readSettings(v, path, issues);
          } else issue(k, t('An override has only “files” and “settings”, not “{0}”.', String(k.value)));
        }
        if (!sawFiles) issue(item, t('An override needs “files”.'));
        if (files.length) data.overrides.push({ files, values });
      }
    }
  });
  return data;
}
