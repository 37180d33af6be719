/**
 * The command line of `newsclean`, read by Node's `util.parseArgs` (which
 * splits `--flag=value`, `--flag value`, `-q` and `--`) and checked here, in
 * the order the arguments come, so the first bad one is the one reported.
 */
import { parseArgs } from 'node:util';
import { RULES } from '../core';
import { FORMATS, type Format } from './formatters';

/** A mistake in the command line: the message (when there is one) and the usage are printed, and the exit code is 2. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  newsclean check [--format text|json|sarif] [--rules a,b] [--quiet] [--jobs N] [options] FILE...
  newsclean fix [--rules a,b] (--stdout | --write) [--jobs N] [options] FILE...
  newsclean outline [--format text|json] [options] FILE
  newsclean check|fix --jsonl [--field text] [--id-field id] [options] [FILE...]
  newsclean lsp --stdio   the language server, for any editor (see the README)
Options:
  --config FILE      a config file applied on top of the .newsclean.jsonc files
                     found from each file up to the repository root
  --no-config        do not read .newsclean.jsonc / .newsclean.json files
  --no-ignore        do not honour .newscleanignore files
  --set key=value    one setting (repeatable)
  --locale LOCALE    en, zh-cn or zh-tw (default: from LC_ALL / LANG)
  --quiet            report errors only
  --jobs N           files checked or fixed at once, in worker threads
                     (default: the number of CPUs; --jobs 1, or fewer than
                     32 files, runs in one thread; the output is the same)
  FILE               a file, a directory (its .txt and .news files) or a glob
                     such as 'articles/**/*.txt'; - reads standard input
  --jsonl            JSON Lines in (standard input, or the FILEs), one line out
                     a record, in order: check adds "findings", fix rewrites
                     the field; a bad record gets {"error": ...}; --jobs
                     defaults to 1 here
  --field NAME       the field of the text (default: text)
  --id-field NAME    check prints {NAME, findings} instead of the whole record;
                     error lines carry the record's NAME
Exit codes: 0 clean, 1 findings, 2 usage or I/O error.`;

export const COMMANDS = ['check', 'fix', 'outline'] as const;
export type Command = (typeof COMMANDS)[number];

export interface Options {
  command: Command;
  format: Format;
  quiet: boolean;
  rules?: string[];
  mode?: 'stdout' | 'write';
  configFile?: string;
  /** --no-config: no .newsclean.jsonc / .newsclean.json files. */
  noConfig?: boolean;
  /** --no-ignore: .newscleanignore files are not honoured. */
  noIgnore?: boolean;
  /** `--set key=value`, in the order given (a later one wins). */
  sets: [string, string][];
  locale?: string;
  jobs?: number;
  files: string[];
  /** JSON Lines in and out (see jsonl.ts). */
  jsonl: boolean;
  /** The field of a record that holds its text (--field, default text). */
  field: string;
  /** The field that names a record (--id-field). */
  idField?: string;
}

const FLAGS = {
  format: { type: 'string' },
  rules: { type: 'string' },
  stdout: { type: 'boolean' },
  write: { type: 'boolean' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  set: { type: 'string', multiple: true },
  locale: { type: 'string' },
  jobs: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  jsonl: { type: 'boolean' },
  field: { type: 'string' },
  'id-field': { type: 'string' },
} as const;
type Flag = keyof typeof FLAGS;

const isFlag = (name: string): name is Flag => Object.prototype.hasOwnProperty.call(FLAGS, name);

/** `newsclean --help` (or `-h`, `help`) alone: the usage on standard output, exit code 0. */
export function isHelp(argv: readonly string[]): boolean {
  return argv.length === 1 && ['--help', '-h', 'help'].includes(argv[0]);
}

/** The options of a command line; throws a UsageError for the first mistake in it. */
export function parseCommandLine(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  }
  const o: Options = { command: command as Command, format: 'text', quiet: false, sets: [], files: [], jsonl: false, field: 'text' };
  let fieldFlag: string | undefined;
  const { tokens } = parseArgs({ args: [...rest], options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional') {
      o.files.push(t.value);
      continue;
    }
    if (t.kind === 'option-terminator') continue;
    if (!isFlag(t.name)) throw new UsageError(`unknown option '${t.rawName}'`);
    const flag = t.rawName;
    let value = '';
    if (FLAGS[t.name].type === 'string') {
      if (t.value === undefined) throw new UsageError(`${flag} needs a value`);
      value = t.value;
    } else if (t.value !== undefined) {
      throw new UsageError(`${flag} takes no value`);
    }
    switch (t.name) {
      case 'format':
        if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be text, json or sarif, not '${value}'`);
        o.format = value as Format;
        break;
      case 'rules':
        o.rules = value.split(',').map((r) => r.trim()).filter(Boolean);
        break;
      case 'stdout':
      case 'write':
        if (o.mode) throw new UsageError('give one of --stdout and --write');
        o.mode = t.name;
        break;
      case 'config':
        o.configFile = value;
        break;
      case 'no-config':
        o.noConfig = true;
        break;
      case 'no-ignore':
        o.noIgnore = true;
        break;
      case 'set': {
        const at = value.indexOf('=');
        if (at <= 0) throw new UsageError(`--set takes key=value, not '${value}'`);
        o.sets.push([value.slice(0, at), value.slice(at + 1)]);
        break;
      }
      case 'locale':
        o.locale = value;
        break;
      case 'jobs':
        if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs takes a whole number from 1, not '${value}'`);
        o.jobs = Number(value);
        break;
      case 'quiet':
        o.quiet = true;
        break;
      case 'help':
        throw new UsageError('');
      case 'jsonl':
        o.jsonl = true;
        break;
      case 'field':
      case 'id-field':
        if (!value) throw new UsageError(`${flag} needs a field name`);
        if (t.name === 'field') o.field = value;
        else o.idField = value;
        fieldFlag = flag;
        break;
    }
  }
  if (o.jsonl) checkJsonl(o);
  else if (fieldFlag) throw new UsageError(`${fieldFlag} goes with --jsonl`);
  if (o.files.length === 0) throw new UsageError('no file given');
  if (o.command === 'fix' && !o.mode) throw new UsageError('fix needs --stdout or --write');
  if (o.command === 'fix' && o.mode === 'write' && o.files.includes('-')) throw new UsageError('--write cannot write standard input');
  if (o.command === 'outline' && o.files.length !== 1) throw new UsageError('outline takes one file');
  if (o.format === 'sarif' && o.command !== 'check') throw new UsageError('--format sarif goes with check');
  if (o.rules) {
    const unknown = o.rules.filter((r) => !RULES.some((rule) => rule.meta.id === r));
    if (unknown.length) throw new UsageError(`unknown rule '${unknown[0]}'`);
  }
  return o;
}

/** --jsonl reads standard input when no file is given and always writes standard output. */
function checkJsonl(o: Options): void {
  if (o.command === 'outline') throw new UsageError('--jsonl goes with check and fix');
  if (o.mode === 'write') throw new UsageError('--jsonl writes to standard output, not with --write');
  if (o.format === 'sarif') throw new UsageError('--format sarif does not go with --jsonl');
  if (o.command === 'fix') o.mode = 'stdout';
  if (o.files.length === 0) o.files.push('-');
}

/** The checks that need the files as expanded from directories and globs. */
export function checkFiles(o: Options): void {
  if (o.command === 'fix' && o.mode === 'stdout' && !o.jsonl && o.files.length !== 1) throw new UsageError('--stdout takes one file');
}
