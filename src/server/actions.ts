/**
 * Code actions and commands of the language server: each finding's fix,
 * "fix all problems of this rule" (its edit computed on `codeAction/resolve`
 * when the client resolves edits), `source.fixAll.newsclean`, and the
 * clean-document and convert commands, which answer with the workspace edit
 * and have the client apply it.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { CONVERSIONS, applyFixes, convertEdits, findingsMeeting, fixAll, minimalEdits, type Edit, type Settings } from '../core';
import type { ShownItem } from './budget';
import type { ExtensionInitOptions } from './custom';
import type { Analysis } from './documents';
import { SOURCE, sameRange, toRange, toWorkspaceEdit } from './protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.newsclean`;

/** The server's commands (`workspace/executeCommand`); arguments: the document's URI, then a range for the conversions. */
export const COMMANDS = {
  cleanDocument: 'newsclean.lsp.cleanDocument',
  checkDocument: 'newsclean.lsp.checkDocument',
  ...Object.fromEntries(CONVERSIONS.map(([name]) => [name, `newsclean.lsp.${name}`])),
} as Record<string, string>;

/** What a "fix all of this rule" action carries until it is resolved. */
export interface FixRuleData {
  uri: string;
  version: number;
  ruleId: string;
}

/** Whether `only` (a code action request's kinds) asks for `kind`: a kind covers those under it (`source` covers `source.fixAll.newsclean`). */
function asks(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** Every safe fix of the document ("clean"), as minimal edits of its text. */
export function cleanEdits(text: string, settings: Settings): Edit[] {
  return minimalEdits(text, fixAll(text, { settings, safeOnly: true }).text);
}

/** Every fix of one rule that applies together with the others. */
export function ruleEdits(text: string, analysis: Analysis, ruleId: string): Edit[] {
  return applyFixes(text, analysis.findings.filter((f) => f.ruleId === ruleId && f.fix)).applied.flatMap((f) => f.fix!.edits);
}

export interface ActionOptions {
  /** The client resolves a code action's edit later (codeAction/resolve). */
  resolveEdits: boolean;
  /** The client takes versioned document edits. */
  versioned: boolean;
  /** Past the diagnostics budget: the items published for this version ("fix this group"). */
  groups?: readonly ShownItem[];
  /** The client's commands that actions may call (VS Code's: reopen with encoding, show documentation). */
  commands?: ExtensionInitOptions['commands'];
}

export function codeActions(doc: TextDocument, analysis: Analysis, params: CodeActionParams, options: ActionOptions): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const text = doc.getText();
  if (only && asks(only, FIX_ALL_KIND) && !asks(only, CodeActionKind.QuickFix)) {
    const edits = cleanEdits(text, analysis.settings);
    if (edits.length === 0) return [];
    return [{ title: l10n.t('Fix all safe News Transcript problems'), kind: FIX_ALL_KIND, edit: toWorkspaceEdit(doc, edits, options.versioned) }];
  }
  if (!asks(only, CodeActionKind.QuickFix)) return [];
  const start = doc.offsetAt(params.range.start);
  const end = doc.offsetAt(params.range.end);
  const fixable = new Map<string, number>();
  for (const f of analysis.findings) if (f.fix) fixable.set(f.ruleId, (fixable.get(f.ruleId) ?? 0) + 1);
  const rulesSeen = new Set<string>();
  for (const item of options.groups ?? []) {
    if (item.findings.length < 2 || item.range.start > end || item.range.end < start) continue;
    const fixable = item.findings.filter((f) => f.fix);
    if (fixable.length === 0) continue;
    const range = toRange(doc, item.range);
    actions.push({
      title: l10n.t('Fix the {0} {1} problems of this group', fixable.length, item.ruleId),
      kind: CodeActionKind.QuickFix,
      diagnostics: params.context.diagnostics.filter((d) => d.source === SOURCE && sameRange(d.range, range)),
      edit: toWorkspaceEdit(doc, applyFixes(text, fixable).applied.flatMap((f) => f.fix!.edits), options.versioned),
    });
  }
  const commands = options.commands ?? {};
  for (const finding of findingsMeeting(analysis.findings, start, end)) {
    const range = toRange(doc, finding.range);
    const diagnostics = params.context.diagnostics.filter((d) => d.source === SOURCE && d.code === finding.ruleId && sameRange(d.range, range));
    if (finding.fix) {
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: true,
        edit: toWorkspaceEdit(doc, finding.fix.edits, options.versioned),
      });
    }
    if (rulesSeen.has(finding.ruleId)) continue;
    rulesSeen.add(finding.ruleId);
    // Most of the file is mojibake (the finding says in which encoding): the real fix is to read its bytes again.
    const wholeFile = finding.data?.wholeFile;
    if (wholeFile && commands.reopenWithEncoding && !doc.uri.startsWith('untitled:')) {
      const title = l10n.t('Reopen with Encoding… (the bytes look like {0})', wholeFile.encoding);
      actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: commands.reopenWithEncoding } });
    }
    const count = fixable.get(finding.ruleId) ?? 0;
    if (count >= 2) {
      const action: CodeAction = { title: l10n.t('Fix all {0} problems in this document ({1})', finding.ruleId, count), kind: CodeActionKind.QuickFix, diagnostics };
      const data: FixRuleData = { uri: doc.uri, version: doc.version, ruleId: finding.ruleId };
      if (options.resolveEdits) action.data = data;
      else action.edit = toWorkspaceEdit(doc, ruleEdits(text, analysis, finding.ruleId), options.versioned);
      actions.push(action);
    }
    if (commands.showDocumentation) {
      const title = l10n.t('Show documentation for {0}', finding.ruleId);
      actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: commands.showDocumentation, arguments: [finding.ruleId] } });
    }
  }
  return actions;
}

/** The edit of a command on a document, or undefined when the command is not one that edits. */
export function commandEdits(command: string, doc: TextDocument, settings: Settings, range?: { start: number; end: number }): Edit[] | undefined {
  const text = doc.getText();
  if (command === COMMANDS.cleanDocument) return cleanEdits(text, settings);
  const conversion = CONVERSIONS.find(([name]) => COMMANDS[name] === command);
  if (!conversion) return undefined;
  return convertEdits(text, [range ?? { start: 0, end: text.length }], conversion[1], settings);
}

export type { WorkspaceEdit };
