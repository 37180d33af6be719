import * as vscode from 'vscode';
import { CONVERSIONS } from '../core/script/conversions';
import { toWorkspaceEdit } from './convert';
import { engine } from './engine';
import { settingsFor } from './settings';

/**
 * "Convert to Simplified Chinese" and the three Traditional variants: the
 * selections, or the whole document when nothing is selected, converted
 * through OpenCC's phrase-level dictionaries with the newsroom's custom
 * phrases and protected terms, applied as one edit (one undo step).
 */
export function registerConvertCommands(): vscode.Disposable[] {
  return CONVERSIONS.map(([name, target]) =>
    vscode.commands.registerCommand(`newsclean.${name}`, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const doc = editor.document;
      const selections = editor.selections.filter((s) => !s.isEmpty);
      const ranges = selections.length ? selections : [new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length))];
      const offsets = ranges.map((r) => ({ start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) }));
      const edit = toWorkspaceEdit(doc, engine().convertEdits(doc.getText(), offsets, target, settingsFor(doc)));
      if (edit.size === 0) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('News Transcript Cleaner: nothing to convert.'), 3000);
        return true;
      }
      return vscode.workspace.applyEdit(edit);
    }),
  );
}
