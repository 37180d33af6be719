import * as vscode from 'vscode';
import { convert, minimalEdits, type ScriptTarget } from '../core';
import { toWorkspaceEdit } from './convert';
import { settingsFor } from './settings';

const COMMANDS: readonly [string, ScriptTarget][] = [
  ['newsclean.convertToSimplified', 'zh-Hans'],
  ['newsclean.convertToTaiwan', 'zh-TW'],
  ['newsclean.convertToHongKong', 'zh-HK'],
  ['newsclean.convertToTraditional', 'zh-Hant'],
];

/**
 * "Convert to Simplified Chinese" and the three Traditional variants: the
 * selections, or the whole document when nothing is selected, converted
 * through OpenCC's phrase-level dictionaries with the newsroom's custom
 * phrases and protected terms, applied as one edit (one undo step).
 */
export function registerConvertCommands(): vscode.Disposable[] {
  return COMMANDS.map(([id, target]) =>
    vscode.commands.registerCommand(id, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const doc = editor.document;
      const settings = settingsFor(doc);
      const options = {
        customPhrases: settings.get('newsclean.script.customPhrases'),
        protectedTerms: settings.get('newsclean.script.protectedTerms'),
      };
      const selections = editor.selections.filter((s) => !s.isEmpty);
      const ranges = selections.length ? selections : [new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length))];
      const edit = new vscode.WorkspaceEdit();
      for (const range of ranges) {
        const before = doc.getText(range);
        const after = convert(before, target, options);
        const base = doc.offsetAt(range.start);
        const edits = minimalEdits(before, after).map((e) => ({
          range: { start: e.range.start + base, end: e.range.end + base },
          text: e.text,
        }));
        toWorkspaceEdit(doc, edits, edit);
      }
      if (edit.size === 0) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('News Transcript Cleaner: nothing to convert.'), 3000);
        return true;
      }
      return vscode.workspace.applyEdit(edit);
    }),
  );
}
