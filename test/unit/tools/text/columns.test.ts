// uniq, wc, cut, tr and nl: the line and column tools, with GNU's widths, ranges and messages.
import { describe, expect, it } from 'vitest';
import { file, sh } from './sh';

const N = file('/tmp/n', '3 c', '1 a', '1 a', '2 b', '2 b', '2 b');
const C = file('/tmp/c', 'x:1:foo', 'y:22:bar', 'no delim');
const run = async (cmd: string) => (await sh(`${N}${C}${cmd}`)).out;

describe('uniq', () => {
  it('merges adjacent lines, counts, keeps only repeated or unique ones', async () => {
    expect(await run('uniq /tmp/n')).toBe('3 c\n1 a\n2 b\n');
    expect(await run('uniq -c /tmp/n')).toBe('      1 3 c\n      2 1 a\n      3 2 b\n');
    expect(await run('uniq -d /tmp/n')).toBe('1 a\n2 b\n');
    expect(await run('uniq -u /tmp/n')).toBe('3 c\n');
    expect(await run('uniq -D /tmp/n')).toBe('1 a\n1 a\n2 b\n2 b\n2 b\n');
    expect(await run("printf 'x a\\ny a\\nA\\na\\n' | uniq -f1")).toBe('x a\nA\n');
    expect(await run("printf 'a\\nA\\n' | uniq -i")).toBe('a\n');
    expect(await run('uniq /tmp/n /tmp/out; cat /tmp/out')).toBe('3 c\n1 a\n2 b\n');
  });

  it('reports errors', async () => {
    expect(await run('uniq /nonexistent; echo $?')).toBe('uniq: /nonexistent: No such file or directory\n1\n');
    expect(await run('uniq a b c; echo $?')).toBe("uniq: extra operand 'c'\nTry 'uniq --help' for more information.\n1\n");
  });
});

describe('wc', () => {
  it('sizes its columns from the regular files it is given', async () => {
    expect(await run('wc /tmp/n /tmp/c')).toBe(' 6 12 24 /tmp/n\n 3  4 26 /tmp/c\n 9 16 50 total\n');
    expect(await run('wc -l /tmp/n')).toBe('6 /tmp/n\n');
    expect(await run('wc < /tmp/n')).toBe(' 6 12 24\n');
    expect(await run('cat /tmp/n | wc')).toBe('      6      12      24\n');
    expect(await run('cat /tmp/n | wc -l')).toBe('6\n');
    expect(await run('wc -lw /tmp/n')).toBe(' 6 12 /tmp/n\n');
  });

  it('counts characters, words and the longest line', async () => {
    expect(await run("printf 'abc' | wc -c")).toBe('3\n');
    expect(await run("printf 'ab\\tc\\nx' | wc -L")).toBe('9\n');
    expect(await run("printf ' a  b\\n\\tc ' | wc -w")).toBe('3\n');
    expect(await run("printf 'no newline' | wc -l")).toBe('0\n');
  });

  it('counts procfs files, whose size is 0, with the narrow width real wc uses', async () => {
    const r = await run('wc /proc/mounts');
    expect(r).toMatch(/^\d+ \d+ \d+ \/proc\/mounts\n$/);
  });

  it('reports a missing file and a directory, and still prints the total', async () => {
    expect(await run('wc /nonexistent /tmp/n; echo $?')).toBe('wc: /nonexistent: No such file or directory\n 6 12 24 /tmp/n\n 6 12 24 total\n1\n');
    expect(await run('wc /tmp; echo $?')).toBe('wc: /tmp: Is a directory\n      0       0       0 /tmp\n1\n');
  });
});

describe('cut', () => {
  it('fields, bytes, ranges, complement and output delimiter', async () => {
    expect(await run('cut -d: -f2 /tmp/c')).toBe('1\n22\nno delim\n');
    expect(await run('cut -s -d: -f1,3 /tmp/c')).toBe('x:foo\ny:bar\n');
    expect(await run('cut -d: -f2- --output-delimiter=" | " /tmp/c')).toBe('1 | foo\n22 | bar\nno delim\n');
    expect(await run('cut -d: --complement -f2 /tmp/c')).toBe('x:foo\ny:bar\nno delim\n');
    expect(await run('cut -c1-3,5 /tmp/c')).toBe('x:1f\ny:2:\nno e\n');
    expect(await run('cut -c3- /tmp/c')).toBe('1:foo\n22:bar\n delim\n');
    expect(await run('cut -b-2 /tmp/c')).toBe('x:\ny:\nno\n');
    expect(await run('cut -c1-2,2-4 /tmp/c')).toBe('x:1:\ny:22\nno d\n');
  });

  it("reports list and option errors with GNU's texts", async () => {
    const usage = "Try 'cut --help' for more information.\n";
    expect(await run('cut /tmp/c; echo $?')).toBe(`cut: you must specify a list of bytes, characters, or fields\n${usage}1\n`);
    expect(await run('cut -f0 /tmp/c; echo $?')).toBe(`cut: fields are numbered from 1\n${usage}1\n`);
    expect(await run('cut -c3-1 /tmp/c; echo $?')).toBe(`cut: invalid decreasing range\n${usage}1\n`);
    expect(await run('cut -d ab -f1 /tmp/c; echo $?')).toBe(`cut: the delimiter must be a single character\n${usage}1\n`);
    expect(await run('cut -f1 /nonexistent; echo $?')).toBe('cut: /nonexistent: No such file or directory\n1\n');
  });
});

describe('tr', () => {
  it('translates ranges and classes, pads SET2 with its last character', async () => {
    expect(await run('echo hello | tr a-y b-z')).toBe('ifmmp\n');
    expect(await run("echo hello | tr '[:lower:]' '[:upper:]'")).toBe('HELLO\n');
    expect(await run('echo abc | tr abc x')).toBe('xxx\n');
    expect(await run('echo abc | tr -t abc x')).toBe('xbc\n');
    expect(await run("echo hello | tr a-z '[Z*]'")).toBe('ZZZZZ\n');
    expect(await run("echo 'a b' | tr ' ' '\\n'")).toBe('a\nb\n');
    expect(await run("echo x | tr '\\170' y")).toBe('y\n');
  });

  it('deletes, squeezes and complements', async () => {
    expect(await run("echo hello | tr -s l")).toBe('helo\n');
    expect(await run("echo 'a  b   c' | tr -s ' '")).toBe('a b c\n');
    expect(await run("echo hello | tr -cd 'l\\n'")).toBe('ll\n');
    expect(await run("echo hello | tr -c 'a-z\\n' X")).toBe('hello\n');
    expect(await run("echo 'ab-c' | tr -c 'a-z\\n' X")).toBe('abXc\n');
    expect(await run("echo aabbcc | tr -ds a b")).toBe('bcc\n');
  });

  it('reports operand errors', async () => {
    const usage = "Try 'tr --help' for more information.\n";
    expect(await run('tr; echo $?')).toBe(`tr: missing operand\n${usage}1\n`);
    expect(await run('tr abc; echo $?')).toBe(`tr: missing operand after 'abc'\nTwo strings must be given when translating.\n${usage}1\n`);
    expect(await run('tr -d a b; echo $?')).toBe(`tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\n${usage}1\n`);
    expect(await run('tr z-a x < /dev/null; echo $?')).toBe("tr: range-endpoints of 'z-a' are in reverse collating sequence order\n1\n");
  });
});

describe('nl', () => {
  it('numbers non-empty lines by default and all lines with -ba', async () => {
    expect(await run("printf 'a\\n\\nb\\n' | nl")).toBe('     1\ta\n       \n     2\tb\n');
    expect(await run("printf 'a\\n\\nb\\n' | nl -ba")).toBe('     1\ta\n     2\t\n     3\tb\n');
    expect(await run("printf 'a\\n\\nb\\n' | nl -n rz -w3 -s:")).toBe('001:a\n    \n002:b\n');
    expect(await run("printf 'a\\nb\\n' | nl -n ln -v 10 -i 5")).toBe('10    \ta\n15    \tb\n');
  });
});
