// awk (a GNU awk subset): what admins type, the language's corners (strnum comparison, fields,
// getline, functions, printf), and gawk's syntax and fatal error reports.
import { describe, expect, it } from 'vitest';
import { file, sh } from './sh';

const N = file('/tmp/n', '3 c', '1 a', '2 b', '10 j', '1 a');
const C = file('/tmp/c', 'x:1:foo', 'y:22:bar', 'z:3:baz');
const awk = async (prog: string) => (await sh(`${N}${C}awk ${prog}`)).out;

describe('awk one-liners', () => {
  it('prints fields, filters numerically, counts', async () => {
    expect(await awk(`'{print $2}' /tmp/n`)).toBe('c\na\nb\nj\na\n');
    expect(await awk(`-F: '$2>=3{print $1}' /tmp/c`)).toBe('y\nz\n');
    expect(await awk(`'/a/{n++} END{print n}' /tmp/n`)).toBe('2\n');
    expect(await awk(`'{s+=$1} END{print s, s/NR}' /tmp/n`)).toBe('17 3.4\n');
    expect(await awk(`'!seen[$0]++' /tmp/n`)).toBe('3 c\n1 a\n2 b\n10 j\n');
    expect(await awk(`'NR==2,NR==3' /tmp/n`)).toBe('1 a\n2 b\n');
    expect(await awk(`'END { print NR, $NF }' /tmp/n`)).toBe('5 a\n');
  });

  it('reads the admin files of the host', async () => {
    expect((await sh(`awk -F: '$3>=1000{print $1}' /etc/passwd`)).out).toBe('operator\n');
    expect((await sh(`awk '$2=="/mnt/pmem"{print $3, $1}' /proc/mounts`)).out).toBe('xfs /dev/pmem0\n');
  });
});

describe('awk values', () => {
  it('compares input that looks numeric as numbers, and constants as their type', async () => {
    expect((await sh(`echo '10 9' | awk '{ print ($1 < $2), ($1 < "9") }'`)).out).toBe('0 1\n');
    expect((await sh(`awk 'BEGIN { print 1 == 1.0, "10" < "9", 10 < 9, "a" < "b" }'`)).out).toBe('1 1 0 1\n');
    expect((await sh(`awk 'BEGIN { x; if (x == 0 && x == "") print "both" }'`)).out).toBe('both\n');
  });

  it('prints integers exactly and other numbers with OFMT; converts with CONVFMT', async () => {
    expect((await sh(`awk 'BEGIN { print 1/3, 100000 * 100000, 2^31, 0.1 + 0.2, 1e-5, 17/4 }'`)).out).toBe('0.333333 10000000000 2147483648 0.3 1e-05 4.25\n');
    expect((await sh(`awk 'BEGIN { CONVFMT = "%.2g"; a = 3.14159; b = a ""; print b; OFMT = "%.3f"; print a, 3 }'`)).out).toBe('3.1\n3.142 3\n');
  });

  it('operators: precedence, exponent, increments, compound assignment', async () => {
    expect((await sh(`awk 'BEGIN { print 2 ^ 3 ^ 2, -2 ^ 2, 2 ** 3, 7 % 3, "a" "b" }'`)).out).toBe('512 -4 8 1 ab\n');
    expect((await sh(`awk 'BEGIN { i = 5; print i++, i, ++i, i--, --i }'`)).out).toBe('5 6 7 7 5\n');
    expect((await sh(`awk 'BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x ^= 2; print x }'`)).out).toBe('16\n');
    expect((await sh(`awk 'BEGIN { print !0, !1, !"", !"a", -"3" }'`)).out).toBe('1 0 1 0 -3\n');
  });
});

describe('awk fields and records', () => {
  it('rebuilds $0 with OFS when a field or NF changes', async () => {
    expect((await sh(`echo 'a b c' | awk '{ $2 = "X"; print; print NF; NF = 2; print; $5 = "e"; print }'`)).out).toBe('a X c\n3\na X\na X   e\n');
    expect((await sh(`echo 'a b c' | awk -v OFS=- '{ $1 = $1; print }'`)).out).toBe('a-b-c\n');
    expect((await sh(`awk 'BEGIN { $0 = "a b c"; print NF, $2 }'`)).out).toBe('3 b\n');
  });

  it('splits by a regex FS, a single character, -F t, and empty FS', async () => {
    expect((await sh(`echo 'a,b;c' | awk -F'[,;]' '{ print $3, NF }'`)).out).toBe('c 3\n');
    expect((await sh(`echo 'a|b' | awk -F'|' '{ print $2 }'`)).out).toBe('b\n');
    expect((await sh(`printf 'a\\tb c\\n' | awk -Ft '{ print $2 }'`)).out).toBe('b c\n');
    expect((await sh(`echo abc | awk -F '' '{ print $2, NF }'`)).out).toBe('b 3\n');
  });

  it('reads paragraphs when RS is empty, and sets FILENAME, FNR, NR', async () => {
    expect((await sh(`printf 'l1\\nl2\\n\\n\\nl3\\n' | awk 'BEGIN { RS = "" } { print NR ": " $1 "/" $2 }'`)).out).toBe('1: l1/l2\n2: l3/\n');
    expect(await awk(`'FNR == 1 { print FILENAME, FNR, NR }' /tmp/n /tmp/c`)).toBe('/tmp/n 1 1\n/tmp/c 1 6\n');
  });

  it('applies var=value operands when it reaches them, and -v before BEGIN', async () => {
    expect(await awk(`'{ print x }' x=7 /tmp/c x=8 /tmp/n`)).toBe('7\n7\n7\n8\n8\n8\n8\n8\n');
    expect((await sh(`awk -v 'x=a\\tb' 'BEGIN { print x }'`)).out).toBe('a\tb\n');
  });
});

describe('awk statements and functions', () => {
  it('loops, break, continue, for-in, delete, in', async () => {
    expect((await sh(`awk 'BEGIN { while (i < 3) { i++; if (i == 2) continue; print i }; do k++; while (k < 5); print k; for (;;) if (++j > 3) break; print j }'`)).out).toBe('1\n3\n5\n4\n');
    expect((await sh(`awk 'BEGIN { a["x"] = 1; a["y"] = 2; for (k in a) s += a[k]; print s, length(a); delete a["x"]; print ("x" in a), ("y" in a); delete a; print length(a) }'`)).out).toBe('3 2\n0 1\n0\n');
    expect((await sh(`awk 'BEGIN { a[1, 2] = 3; print ((1, 2) in a), ((2, 1) in a) }'`)).out).toBe('1 0\n');
  });

  it('recursion, local arrays passed by reference, next and exit', async () => {
    expect((await sh(`awk 'function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN { print f(10) }'`)).out).toBe('3628800\n');
    expect((await sh(`awk 'function fill(arr) { arr["x"] = 1 } BEGIN { fill(a); print a["x"] }'`)).out).toBe('1\n');
    expect(await awk(`'NR == 2 { next } { print $2 } NR == 3 { exit 3 } END { print "end" }' /tmp/n; echo $?`)).toBe('c\nb\nend\n3\n');
    expect((await sh(`awk 'BEGIN { exit 4 } END { print "still runs" }'; echo $?`)).out).toBe('still runs\n4\n');
  });
});

describe('awk builtins', () => {
  it('string functions', async () => {
    const prog = `'BEGIN { s = "hello world"; print length(s), substr(s, 1, 5), index(s, "o"), toupper(s); n = split("a:b:c", p, ":"); print n, p[1], p[3]; gsub(/o/, "0", s); print s; sub(/l+/, "[&]", s); print s; print match("foobar", /ob/), RSTART, RLENGTH }'`;
    expect((await sh(`awk ${prog}`)).out).toBe('11 hello 5 HELLO WORLD\n3 a c\nhell0 w0rld\nhe[ll]0 w0rld\n3 3 2\n');
    expect((await sh(`awk 'BEGIN { print substr("hello", 0, 2), substr("hello", -1), substr("hello", 2), substr("hello", 10) "|" }'`)).out).toBe('h hello ello |\n');
    expect((await sh(`awk 'BEGIN { u = "x.y"; gsub(/\\./, "\\\\&", u); print u; v = "abc"; print gsub(/x*/, "-", v), v }'`)).out).toBe('x&y\n4 -a-b-c-\n');
    expect((await sh(`awk 'BEGIN { n = split("a,b,,c", p, ","); print n, p[3] == "", p[4]; print split("", q) }'`)).out).toBe('4 1 c\n0\n');
  });

  it('printf conversions', async () => {
    expect((await sh(`awk 'BEGIN { printf "%5d|%-5s|%05.1f|%x|%c|%c|%e|%g|%d%%\\n", 42, "ab", 3.14159, 255, 65, "hello", 12345.678, 0.0001, 50 }'`)).out).toBe('   42|ab   |003.1|ff|A|h|1.234568e+04|0.0001|50%\n');
    expect((await sh(`awk 'BEGIN { printf("%d %i %o %X %+d % d\\n", -3.9, 7, 8, 255, 4, 5) }'`)).out).toBe('-3 7 10 FF +4  5\n');
    expect((await sh(`awk 'BEGIN { printf "%*d|%-*s|\\n", 4, 7, 3, "a" }'`)).out).toBe('   7|a  |\n');
    expect((await sh(`echo 65 A | awk '{ printf "%c%c\\n", $1, $2 }'`)).out).toBe('AA\n');
  });

  it('int, math, and a repeatable rand for a seed', async () => {
    expect((await sh(`awk 'BEGIN { print int(3.9), int(-3.9), sqrt(16), int("12abc"), exp(0), log(1) }'`)).out).toBe('3 -3 4 12 1 0\n');
    const r = await sh(`awk 'BEGIN { srand(7); a = rand(); srand(7); print (a == rand()), (a >= 0 && a < 1) }'`);
    expect(r.out).toBe('1 1\n');
  });
});

describe('awk I/O', () => {
  it('writes files with > and >>, reads them back with getline after close', async () => {
    const r = await sh(`echo x | awk '{ print > "/tmp/o"; print "y" >> "/tmp/o" } END { close("/tmp/o"); while ((getline line < "/tmp/o") > 0) print "got", line }'`);
    expect(r.out).toBe('got x\ngot y\n');
  });

  it('plain getline and getline var advance the main input', async () => {
    expect(await awk(`'NR == 1 { getline; print "now", $0; getline v; print "v", v, NR }' /tmp/n`)).toBe('now 1 a\nv 2 b 3\n');
  });

  it('runs commands for system(), | getline and print |', async () => {
    expect((await sh(`awk 'BEGIN { "echo hi there" | getline x; print x; r = system("echo sys"); print r }'`)).out).toBe('hi there\nsys\n0\n');
    expect(await awk(`'{ print $2 | "sort -r" }' /tmp/n`)).toBe('j\nc\nb\na\na\n');
  });
});

describe('awk errors', () => {
  it('shows a syntax error under its source line, status 1', async () => {
    expect((await sh(`awk '{print $1'; echo $?`)).out).toBe('awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n1\n');
    expect((await sh(`awk 'BEGIN { x = }'; echo $?`)).out).toBe('awk: cmd. line:1: BEGIN { x = }\nawk: cmd. line:1:             ^ syntax error\n1\n');
  });

  it('stops with status 2 on fatal errors', async () => {
    expect((await sh(`awk 'BEGIN { print 1/0 }'; echo $?`)).out).toBe('awk: cmd. line:1: fatal: division by zero attempted\n2\n');
    expect((await sh(`awk '{ print }' /nonexistent; echo $?`)).out).toBe("awk: fatal: cannot open file `/nonexistent' for reading: No such file or directory\n2\n");
    expect((await sh(`awk 'BEGIN { printf "%s %s\\n", "a" }'; echo $?`)).out).toBe('awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n2\n');
  });

  it('skips a directory operand with a warning', async () => {
    expect(await awk(`'END { print NR }' /tmp /tmp/c`)).toBe("awk: warning: command line argument `/tmp' is a directory: skipped\n3\n");
  });
});
