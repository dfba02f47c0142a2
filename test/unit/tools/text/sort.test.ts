// sort (GNU coreutils 9.1 under LC_ALL=C): keys, numeric and human orders, stability, -u, -c,
// -o, and the last-resort comparison of whole lines.
import { describe, expect, it } from 'vitest';
import { file, sh } from './sh';
import { compareKey, keyText, NO_ORDER, parseKey } from '../../../../src-main/tools/text/sort-keys';

const N = file('/tmp/n', '3 c', '1 a', '2 b', '10 j', '1 a');
const C = file('/tmp/c', 'x:1:foo', 'y:22:bar', 'z:3:baz', 'no delim');
const lines = async (cmd: string) => (await sh(`${N}${C}${cmd}`)).out;

describe('sort keys', () => {
  it('finds fields with their leading blanks, or after -t separators', () => {
    const k2 = parseKey('2', NO_ORDER);
    if (typeof k2 === 'string') throw new Error(k2);
    expect(keyText('a  b c', k2, null)).toBe('  b c');
    const k22 = parseKey('2,2', NO_ORDER);
    if (typeof k22 === 'string') throw new Error(k22);
    expect(keyText('a  b c', k22, null)).toBe('  b');
    expect(keyText('x:1:foo', k22, ':')).toBe('1');
    const kc = parseKey('1.2,1.3', NO_ORDER);
    if (typeof kc === 'string') throw new Error(kc);
    expect(keyText('abcd', kc, null)).toBe('bc');
  });

  it('rejects field 0 with GNU\'s message', () => {
    expect(parseKey('0', NO_ORDER)).toBe("field number is zero: invalid field specification '0'");
  });

  it('compares numbers, human sizes and versions', () => {
    expect(compareKey('-10', '-5', { ...NO_ORDER, n: true })).toBe(-1);
    expect(compareKey('abc', '0', { ...NO_ORDER, n: true })).toBe(0);
    expect(compareKey('2M', '10K', { ...NO_ORDER, h: true })).toBe(1);
    expect(compareKey('-1K', '5', { ...NO_ORDER, h: true })).toBe(-1);
    expect(compareKey('1.10', '1.9', { ...NO_ORDER, V: true })).toBe(1);
  });
});

describe('sort', () => {
  it('orders bytes, numbers, reversed, unique', async () => {
    expect(await lines('sort /tmp/n')).toBe('1 a\n1 a\n10 j\n2 b\n3 c\n');
    expect(await lines('sort -n /tmp/n')).toBe('1 a\n1 a\n2 b\n3 c\n10 j\n');
    expect(await lines('sort -rn /tmp/n')).toBe('10 j\n3 c\n2 b\n1 a\n1 a\n');
    expect(await lines('sort -u /tmp/n')).toBe('1 a\n10 j\n2 b\n3 c\n');
    expect(await lines("printf 'B\\na\\nA\\nb\\n' | sort")).toBe('A\nB\na\nb\n');
    expect(await lines("printf 'B\\na\\nA\\nb\\n' | sort -f")).toBe('A\na\nB\nb\n');
    expect(await lines("printf -- '-5\\n3\\n-10\\nabc\\n' | sort -n")).toBe('-10\n-5\nabc\n3\n');
  });

  it('sorts by keys with -t and per-key options', async () => {
    expect(await lines('sort -t: -k2n /tmp/c')).toBe('no delim\nx:1:foo\nz:3:baz\ny:22:bar\n');
    expect(await lines('sort -t: -k2 /tmp/c')).toBe('no delim\nx:1:foo\ny:22:bar\nz:3:baz\n');
    expect(await lines('sort -k2,2 -k1,1n /tmp/n')).toBe('1 a\n1 a\n2 b\n3 c\n10 j\n');
    expect(await lines("printf 'x 1\\nx 1\\ny 2\\n' | sort -u -k1,1")).toBe('x 1\ny 2\n');
    expect(await lines("printf '10K\\n2M\\n1G\\n5\\n-1K\\n' | sort -h")).toBe('-1K\n5\n10K\n2M\n1G\n');
    expect(await lines("printf 'b 1\\na 1\\n' | sort -s -k2,2")).toBe('b 1\na 1\n');
    expect(await lines("printf 'b 1\\na 1\\n' | sort -k2,2")).toBe('a 1\nb 1\n');
  });

  it('ends an unterminated last line, checks order, writes -o over its input', async () => {
    expect(await lines("printf 'b\\na' | sort")).toBe('a\nb\n');
    expect(await lines("printf 'b\\na\\n' | sort -c; echo $?")).toBe('sort: -:2: disorder: a\n1\n');
    expect(await lines('sort -n -c /tmp/n; echo $?')).toBe('sort: /tmp/n:2: disorder: 1 a\n1\n');
    expect(await lines('sort -o /tmp/n /tmp/n; cat /tmp/n')).toBe('1 a\n1 a\n10 j\n2 b\n3 c\n');
  });

  it('reports errors with status 2', async () => {
    expect(await lines('sort /nonexistent; echo $?')).toBe('sort: cannot read: /nonexistent: No such file or directory\n2\n');
    expect(await lines('sort -k0 /tmp/n; echo $?')).toBe("sort: field number is zero: invalid field specification '0'\n2\n");
    expect(await lines('sort -t ab /tmp/n; echo $?')).toBe("sort: multi-character tab 'ab'\n2\n");
    expect(await lines('sort -Q; echo $?')).toBe("sort: invalid option -- 'Q'\nTry 'sort --help' for more information.\n2\n");
  });
});
