import * as assert from 'node:assert/strict';
import { UsageError, checkFiles, isHelp, parseCommandLine } from '../../../src/cli/args';

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    return e.message;
  }
  assert.fail(`no usage error for ${argv.join(' ')}`);
}

describe('CLI arguments (util.parseArgs)', () => {
  it('takes values inline or as the next argument, short -q, repeated --set in order', () => {
    const o = parseCommandLine(['check', '--format=json', '-q', '--set', 'a=1', 'x.txt', '--set=b=c=d', '--jobs', '3', '--locale', 'zh-tw', '-']);
    assert.equal(o.format, 'json');
    assert.equal(o.quiet, true);
    assert.deepEqual(o.sets, [
      ['a', '1'],
      ['b', 'c=d'],
    ]);
    assert.equal(o.jobs, 3);
    assert.equal(o.locale, 'zh-tw');
    assert.deepEqual(o.files, ['x.txt', '-']);
  });

  it('after --, an argument that starts with a dash is a file', () => {
    assert.deepEqual(parseCommandLine(['check', '--', '--odd-name.txt']).files, ['--odd-name.txt']);
  });

  it('reports the first mistake, in the words of the usage errors', () => {
    assert.equal(usageError([]), 'no command given');
    assert.equal(usageError(['lint']), "unknown command 'lint'");
    assert.equal(usageError(['check', '--bogus', 'a']), "unknown option '--bogus'");
    assert.equal(usageError(['check', '-x', 'a']), "unknown option '-x'");
    assert.equal(usageError(['check', 'a', '--format']), '--format needs a value');
    assert.equal(usageError(['check', '--format', 'xml', '--jobs', '0', 'a']), "--format must be text, json or sarif, not 'xml'");
    assert.equal(usageError(['check', '--jobs', '0', 'a']), "--jobs takes a whole number from 1, not '0'");
    assert.equal(usageError(['check', '--set', 'novalue', 'a']), "--set takes key=value, not 'novalue'");
    assert.equal(usageError(['check', '--quiet=yes', 'a']), '--quiet takes no value');
    assert.equal(usageError(['fix', '--stdout', '--write', 'a']), 'give one of --stdout and --write');
    assert.equal(usageError(['fix', 'a']), 'fix needs --stdout or --write');
    assert.equal(usageError(['fix', '--write', '-']), '--write cannot write standard input');
    assert.equal(usageError(['outline', 'a', 'b']), 'outline takes one file');
    assert.equal(usageError(['fix', '--stdout', '--format', 'sarif', 'a']), '--format sarif goes with check');
    assert.equal(usageError(['check', '--rules', 'mojibake,nope', 'a']), "unknown rule 'nope'");
    assert.equal(usageError(['check']), 'no file given');
    assert.equal(usageError(['check', '--help', 'a']), '');
  });

  it('--stdout takes one file, counted once the inputs are expanded', () => {
    const o = parseCommandLine(['fix', '--stdout', 'news/*.txt']);
    checkFiles(o);
    o.files = ['news/a.txt', 'news/b.txt'];
    assert.throws(() => checkFiles(o), /--stdout takes one file/);
  });

  it('help alone is help', () => {
    assert.ok(isHelp(['--help']) && isHelp(['-h']) && isHelp(['help']));
    assert.ok(!isHelp(['check', '--help']));
  });
});
