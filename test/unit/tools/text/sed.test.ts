// sed as GNU sed 4.9 runs scripts: addresses and ranges, s///flags, a/i/c, hold space, -n -E -s
// -i, and its error messages with their expression and char positions.
import { describe, expect, it } from 'vitest';
import { file, sh } from './sh';

const A = file('/tmp/a', 'alpha beta', 'Gamma delta', '', 'epsilon alpha', 'zeta  eta theta', 'alpha');
const L = file('/tmp/l', 'a', 'b', 'c');

describe('sed addresses', () => {
  it('numbers, $, regexes, ranges and !', async () => {
    expect((await sh(`${L}sed -n '$=' /tmp/l`)).out).toBe('3\n');
    expect((await sh(`${L}sed -n 2p /tmp/l`)).out).toBe('b\n');
    expect((await sh(`${L}sed '$!d' /tmp/l`)).out).toBe('c\n');
    expect((await sh(`${A}sed -n '/Gamma/,/epsilon/p' /tmp/a`)).out).toBe('Gamma delta\n\nepsilon alpha\n');
    expect((await sh(`${A}sed '/alpha/!d' /tmp/a`)).out).toBe('alpha beta\nepsilon alpha\nalpha\n');
    expect((await sh(`${L}sed -n '2,1p' /tmp/l`)).out).toBe('b\n');
    expect((await sh(`${L}sed -n '0,/b/p' /tmp/l`)).out).toBe('a\nb\n');
    expect((await sh(`${L}sed -n '0,/a/p' /tmp/l`)).out).toBe('a\n');
    expect((await sh(`${L}sed -n '1,/a/p' /tmp/l`)).out).toBe('a\nb\nc\n');
    expect((await sh(`${A}sed -n '2,+1p' /tmp/a`)).out).toBe('Gamma delta\n\n');
    expect((await sh(`${A}sed -n '1~2p' /tmp/a`)).out).toBe('alpha beta\n\nzeta  eta theta\n');
    expect((await sh(`${A}sed -n '2,~4p' /tmp/a`)).out).toBe('Gamma delta\n\nepsilon alpha\n');
  });
});

describe('sed s', () => {
  it('replaces with &, groups, case conversion, the Nth match and g', async () => {
    expect((await sh(`${L}sed 's/b/[&]/' /tmp/l`)).out).toBe('a\n[b]\nc\n');
    expect((await sh(`echo hello world | sed 's/\\(\\w\\+\\) \\(\\w\\+\\)/\\u\\1 \\U\\2\\E!/'`)).out).toBe('Hello WORLD!\n');
    expect((await sh('echo hello | sed s/l/L/2')).out).toBe('helLo\n');
    expect((await sh('echo hellol | sed s/l/L/2g')).out).toBe('helLoL\n');
    expect((await sh("echo aaa | sed -E 's/a{2}/b/'")).out).toBe('ba\n');
    expect((await sh(`echo 'a/c' | sed 's/[/]/x/'`)).out).toBe('axc\n');
    expect((await sh(`echo abc | sed 's|b|/|'`)).out).toBe('a/c\n');
  });

  it('does not count an empty match right after a match (unlike String.replace)', async () => {
    expect((await sh("echo baaac | sed 's/a*/x/g'")).out).toBe('xbxcx\n');
    expect((await sh("echo abc | sed 's/x*/-/g'")).out).toBe('-a-b-c-\n');
  });

  it('reuses the last regex for an empty one, and prints or writes with p and w', async () => {
    expect((await sh("echo x | sed 's/x/[&]/;s//y/'")).out).toBe('[y]\n');
    expect((await sh("echo abc | sed -n 's/b/B/p'")).out).toBe('aBc\n');
    expect((await sh("echo abc | sed -n 's/b/B/w /tmp/w'; cat /tmp/w")).out).toBe('aBc\n');
  });
});

describe('sed commands', () => {
  it('a, i and c in both forms, and GNU one-liners keeping leading blanks after a\\', async () => {
    expect((await sh(`${L}sed '1a\\  foo' /tmp/l`)).out).toBe('a\n  foo\nb\nc\n');
    expect((await sh(`${L}sed '2i\\\ninserted' /tmp/l`)).out).toBe('a\ninserted\nb\nc\n');
    expect((await sh(`${L}sed '2c\\\nX' /tmp/l`)).out).toBe('a\nX\nc\n');
    expect((await sh(`${L}sed '1,2c X' /tmp/l`)).out).toBe('X\nc\n');
    expect((await sh(`${L}sed '$a END' /tmp/l`)).out).toBe('a\nb\nc\nEND\n');
  });

  it('N, D, P, G, h, x and labels', async () => {
    expect((await sh(`${L}sed '$!N;s/\\n/-/' /tmp/l`)).out).toBe('a-b\nc\n');
    expect((await sh(`${L}sed ':a;N;$!ba;s/\\n/ /g' /tmp/l`)).out).toBe('a b c\n');
    expect((await sh(`${L}sed '1!G;h;$!d' /tmp/l`)).out).toBe('c\nb\na\n');
    expect((await sh(`${L}sed N /tmp/l`)).out).toBe('a\nb\nc\n');
    expect((await sh(`${L}sed 'n;d' /tmp/l`)).out).toBe('a\nc\n');
    expect((await sh("printf 'one\\ntwo\\n' | sed 'N;P;D'")).out).toBe('one\ntwo\n');
    expect((await sh(`${L}sed -n 'x;p' /tmp/l`)).out).toBe('\na\nb\n');
  });

  it('=, l, y, q with an exit code, Q', async () => {
    expect((await sh(`${L}sed -n '/b/{=;p}' /tmp/l`)).out).toBe('2\nb\n');
    expect((await sh("printf 'a\\tb\\\\\\001\\n' | sed -n l")).out).toBe('a\\tb\\\\\\001$\n');
    expect((await sh("printf '%080d\\n' 0 | sed -n l")).out).toBe(`${'0'.repeat(69)}\\\n${'0'.repeat(11)}$\n`);
    expect((await sh(`${L}sed y/abc/xyz/ /tmp/l`)).out).toBe('x\ny\nz\n');
    expect((await sh(`${L}sed 2q5 /tmp/l; echo $?`)).out).toBe('a\nb\n5\n');
    expect((await sh(`${L}sed 2Q /tmp/l`)).out).toBe('a\n');
  });

  it('keeps a missing last newline, as GNU sed does', async () => {
    expect((await sh("printf 'a\\nb' | sed p; echo '|'")).out).toBe('a\na\nb\nb|\n');
    expect((await sh("printf 'a' | sed 'a foo'")).out).toBe('a\nfoo\n');
  });

  it('ends an endless stream at q', async () => {
    expect((await sh('yes | sed 3q')).out).toBe('y\ny\ny\n');
  });
});

describe('sed options', () => {
  it('-s restarts line numbers per file; -e pieces join', async () => {
    expect((await sh(`${L}sed -s -n 1p /tmp/l /tmp/l`)).out).toBe('a\na\n');
    expect((await sh(`${L}sed -n 1p /tmp/l /tmp/l`)).out).toBe('a\n');
    expect((await sh(`${L}sed -e 's/a/1/' -e 's/b/2/' /tmp/l`)).out).toBe('1\n2\nc\n');
    expect((await sh(`${L}sed -n -e '2{' -e p -e '}' /tmp/l`)).out).toBe('b\n');
  });

  it('-i writes a new file in place, with a backup for a suffix', async () => {
    const r = await sh(`${L}ls -i /tmp/l > /tmp/before; sed -i.bak 's/b/B/' /tmp/l; cat /tmp/l /tmp/l.bak; ls /tmp | grep '^l'; ls /tmp | grep -c '^sed'`);
    expect(r.out).toBe('a\nB\nc\na\nb\nc\nl\nl.bak\n0\n');
  });
});

describe('sed errors', () => {
  it.each([
    ['k', 'sed: -e expression #1, char 1: unknown command: `k\'', 1],
    ['s/a/b', "sed: -e expression #1, char 5: unterminated `s' command", 1],
    ['s/a/b/z', "sed: -e expression #1, char 7: unknown option to `s'", 1],
    ['/abc', 'sed: -e expression #1, char 4: unterminated address regex', 1],
    ['/[/p', 'sed: -e expression #1, char 4: unterminated address regex', 1],
    ['p;}', "sed: -e expression #1, char 3: unexpected `}'", 1],
    ['{p', "sed: -e expression #1, char 0: unmatched `{'", 1],
    ['a', "sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'", 1],
    ['ppp', 'sed: -e expression #1, char 2: extra characters after command', 1],
    ['0p', 'sed: -e expression #1, char 2: invalid usage of line address 0', 1],
    ['3!!p', "sed: -e expression #1, char 3: multiple `!'s", 1],
    ['y/ab/c/', "sed: -e expression #1, char 7: strings for `y' command are different lengths", 1],
    ['s/\\(a/x/', 'sed: -e expression #1, char 8: Unmatched ( or \\(', 1],
    ['s/a/\\1/', "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS", 1],
    ['1#', "sed: -e expression #1, char 2: comments don't accept any addresses", 1],
    ['b foo', "sed: can't find label for jump to `foo'", 4],
  ] as const)('%s', async (script, message, status) => {
    const r = await sh(`echo abc | sed -n '${script}'; echo $?`);
    expect(r.out).toBe(`${message}\n${status}\n`);
  });

  it('names the -e expression that is wrong', async () => {
    expect((await sh("echo | sed -e p -e 'k'")).out).toBe("sed: -e expression #2, char 1: unknown command: `k'\n");
  });

  it('reports unreadable files (status 2) and directories (status 4)', async () => {
    expect((await sh(`${L}sed -n 1p /nonexistent /tmp/l; echo $?`)).out).toBe('sed: can\'t read /nonexistent: No such file or directory\na\n2\n');
    expect((await sh('sed p /tmp; echo $?')).out).toBe('sed: read error on /tmp: Is a directory\n4\n');
    expect((await sh('sed -i p /tmp; echo $?')).out).toBe("sed: couldn't edit /tmp: not a regular file\n4\n");
  });
});
