// grep as GNU grep 3.8 prints: prefixes, counts, lists, context, -o, -r, binary files and its
// exit statuses (0 selected, 1 none, 2 trouble unless -q found a line).
import { describe, expect, it } from 'vitest';
import { file, sh } from './sh';

const A = file('/tmp/a', 'alpha beta', 'Gamma delta', '', 'epsilon alpha', 'zeta  eta theta', 'alpha');
const N = file('/tmp/n', '3 c', '1 a');

describe('grep', () => {
  it('selects lines, with prefixes for several files', async () => {
    expect((await sh(`${A}grep alpha /tmp/a`)).out).toBe('alpha beta\nepsilon alpha\nalpha\n');
    expect((await sh(`${A}${N}grep -n a /tmp/a /tmp/n`)).out).toBe(
      '/tmp/a:1:alpha beta\n/tmp/a:2:Gamma delta\n/tmp/a:4:epsilon alpha\n/tmp/a:5:zeta  eta theta\n/tmp/a:6:alpha\n/tmp/n:2:1 a\n',
    );
    expect((await sh(`${A}grep -H -i GAMMA /tmp/a`)).out).toBe('/tmp/a:Gamma delta\n');
    expect((await sh(`${A}grep -h alpha /tmp/a /tmp/a`)).out).toBe('alpha beta\nepsilon alpha\nalpha\n'.repeat(2));
  });

  it('counts, lists and inverts', async () => {
    expect((await sh(`${A}${N}grep -c alpha /tmp/a /tmp/n`)).out).toBe('/tmp/a:3\n/tmp/n:0\n');
    expect((await sh(`${A}grep -vc alpha /tmp/a`)).out).toBe('3\n');
    expect((await sh(`${A}${N}grep -l alpha /tmp/a /tmp/n`)).out).toBe('/tmp/a\n');
    expect((await sh(`${A}${N}grep -L alpha /tmp/a /tmp/n`)).out).toBe('/tmp/n\n');
    expect((await sh(`${A}grep -c '^$' /tmp/a`)).out).toBe('1\n');
  });

  it('-w, -x, -F, -E, -e and -o', async () => {
    expect((await sh(`${A}grep -w eta /tmp/a`)).out).toBe('zeta  eta theta\n');
    expect((await sh(`${A}grep -x alpha /tmp/a`)).out).toBe('alpha\n');
    expect((await sh(`${A}grep -F 'a.b' /tmp/a; echo $?`)).out).toBe('1\n');
    expect((await sh(`${A}grep -E 'beta|delta' /tmp/a`)).out).toBe('alpha beta\nGamma delta\n');
    expect((await sh(`${A}grep -e zeta -e Gamma /tmp/a`)).out).toBe('Gamma delta\nzeta  eta theta\n');
    expect((await sh(`${A}grep -o 'al[a-z]*' /tmp/a`)).out).toBe('alpha\nalpha\nalpha\n');
    expect((await sh(`${A}grep -ob al /tmp/a`)).out).toBe('0:al\n32:al\n54:al\n');
    expect((await sh(`${A}grep -wo 'e[a-z]*' /tmp/a`)).out).toBe('epsilon\neta\n');
  });

  it('prints context with -- between groups, and stops at -m', async () => {
    expect((await sh('seq 1 20 | grep -A1 -B1 -e 5 -e 9 -e 10')).out).toBe('4\n5\n6\n--\n8\n9\n10\n11\n--\n14\n15\n16\n--\n18\n19\n20\n');
    expect((await sh('seq 1 10 | grep -m2 -A1 "[3-9]"')).out).toBe('3\n4\n5\n');
    expect((await sh(`${A}grep -B2 -n epsilon /tmp/a`)).out).toBe('2-Gamma delta\n3-\n4:epsilon alpha\n');
    expect((await sh('seq 5 | grep -n -C1 3')).out).toBe('2-2\n3:3\n4-4\n');
    expect((await sh(`${A}grep -m1 alpha /tmp/a`)).out).toBe('alpha beta\n');
  });

  it('ends the last line with a newline even when the file does not', async () => {
    expect((await sh(`printf 'no newline' > /tmp/x; grep new /tmp/x`)).out).toBe('no newline\n');
  });

  it('exits 0, 1 or 2 as GNU grep does', async () => {
    expect((await sh(`${A}grep alpha /tmp/a >/dev/null; echo $?`)).out).toBe('0\n');
    expect((await sh(`${A}grep omega /tmp/a; echo $?`)).out).toBe('1\n');
    expect((await sh(`${A}grep alpha /nonexistent /tmp/a; echo $?`)).out).toBe(
      'grep: /nonexistent: No such file or directory\n/tmp/a:alpha beta\n/tmp/a:epsilon alpha\n/tmp/a:alpha\n2\n',
    );
    expect((await sh(`${A}grep -s alpha /nonexistent /tmp/a >/dev/null; echo $?`)).out).toBe('2\n');
    expect((await sh(`${A}grep -q alpha /tmp/a /nonexistent; echo $?`)).out).toBe('0\n');
    expect((await sh(`grep x /tmp; echo $?`)).out).toBe('grep: /tmp: Is a directory\n2\n');
  });

  it("reports pattern and usage errors with GNU's texts", async () => {
    expect((await sh(`grep -E '(' /dev/null; echo $?`)).out).toBe('grep: Unmatched ( or \\(\n2\n');
    expect((await sh(`grep '[[:nope:]]' /dev/null; echo $?`)).out).toBe('grep: Invalid character class name\n2\n');
    expect((await sh('grep; echo $?')).out).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n2\n");
    expect((await sh('grep -k x; echo $?')).out).toBe("grep: invalid option -- 'k'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n2\n");
    expect((await sh('grep --co x /dev/null; echo $?')).out).toMatch(/^grep: option '--co' is ambiguous; possibilities: /);
  });

  it('reads stdin as "(standard input)" and searches directories with -r', async () => {
    expect((await sh(`${A}cat /tmp/a | grep -H -c a`)).out).toBe('(standard input):5\n');
    const tree = 'mkdir -p /tmp/d/sub; echo hello > /tmp/d/a; echo hello > /tmp/d/sub/b; echo no > /tmp/d/c\n';
    const r = await sh(`${tree}cd /tmp/d; grep -r hello | sort; grep -r hello . | sort; grep -rl hello /tmp/d | sort; grep -r --include='b' hello .`);
    expect(r.out).toBe('a:hello\nsub/b:hello\n./a:hello\n./sub/b:hello\n/tmp/d/a\n/tmp/d/sub/b\n./sub/b:hello\n');
  });

  it('reports a match in a binary file on stderr instead of printing it', async () => {
    const r = await sh(`truncate -s 10 /tmp/z; grep -c '' /tmp/z; grep '' /tmp/z; echo $?; grep -a -c x /tmp/z`);
    expect(r.out).toBe('1\ngrep: /tmp/z: binary file matches\n0\n0\n');
  });

  it('counts LEASE lines of /proc/locks', async () => {
    expect((await sh('grep -c LEASE /proc/locks; echo $?')).out).toBe('0\n1\n');
  });
});
