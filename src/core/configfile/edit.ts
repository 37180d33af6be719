/**
 * Changes the light bulb makes to a config file, as new text: comments,
 * order and formatting of the rest are kept (jsonc-parser's `modify`, the
 * editing VS Code does on its own settings files).
 */
import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree } from 'jsonc-parser';
import { ruleKey } from '../config';

export type ConfigChange =
  /** Adds a term to `newsclean.script.protectedTerms`. */
  | { readonly kind: 'protect'; readonly term: string }
  /** Turns a rule off for every document the file governs. */
  | { readonly kind: 'rule-off'; readonly rule: string }
  /** Turns a rule off for one document, by an override for its path (relative to the config file's directory). */
  | { readonly kind: 'rule-off-for'; readonly rule: string; readonly file: string };


function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Applies `change` to the config file text (`undefined`: the file does not exist yet). */
export function changeConfigText(text: string | undefined, change: ConfigChange): string {
  const before = text ?? '{}\n';
  const options = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: eolOf(before) } };
  const tree = parseTree(before);
  const at = (path: (string | number)[]) => (tree ? findNodeAtLocation(tree, path) : undefined);
  const edit = (path: (string | number)[], value: unknown) => applyEdits(before, modify(before, path, value, options));
  switch (change.kind) {
    case 'protect': {
      const key = 'newsclean.script.protectedTerms';
      const node = at([key]);
      const list = node ? (getNodeValue(node) as unknown) : undefined;
      if (Array.isArray(list)) {
        if (list.includes(change.term)) return before;
        return edit([key, list.length], change.term);
      }
      return edit([key], [change.term]);
    }
    case 'rule-off':
      return edit([ruleKey(change.rule)], 'off');
    case 'rule-off-for': {
      const overrides = at(['overrides']);
      const list = overrides ? (getNodeValue(overrides) as unknown) : undefined;
      const value = { files: [change.file], settings: { [ruleKey(change.rule)]: 'off' } };
      if (!Array.isArray(list)) return edit(['overrides'], [value]);
      const same = list.findIndex(
        (o: unknown) =>
          typeof o === 'object' && o !== null && Array.isArray((o as { files?: unknown }).files) &&
          (o as { files: unknown[] }).files.length === 1 && (o as { files: unknown[] }).files[0] === change.file &&
          typeof (o as { settings?: unknown }).settings === 'object',
      );
      if (same >= 0) return edit(['overrides', same, 'settings', ruleKey(change.rule)], 'off');
      return edit(['overrides', list.length], value);
    }
  }
}
