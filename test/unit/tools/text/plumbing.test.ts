// xargs, env, tee, yes, seq, less/more, basename and dirname: the tools that move text between
// commands, each run as its own process.
import { describe, expect, it } from 'vitest';
import { file, sh } from './sh';

const N = file('/tmp/n', '3 c', '1 a', '2 b');
const run = async (cmd: string) => (await sh(`${N}${cmd}`)).out;

describe('xargs', () => {
  it('builds command lines from blanks, quotes and backslashes', async () => {
    expect(await run('xargs < /tmp/n')).toBe('3 c 1 a 2 b\n');
    expect(await run('xargs -n 4 echo < /tmp/n')).toBe('3 c 1 a\n2 b\n');
    expect(await run('xargs -L2 echo < /tmp/n')).toBe('3 c 1 a\n2 b\n');
    expect(await run(`echo '"a b" c\\ d' | xargs -n1 echo`)).toBe('a b\nc d\n');
    expect(await run("printf 'a\\0b c\\0' | xargs -0 -n1 echo")).toBe('a\nb c\n');
    expect(await run('echo a:b:c | xargs -d: -n1 echo')).toBe('a\nb\nc\n\n');
  });

  it('replaces {} per input line with -I', async () => {
    expect(await run("xargs -I{} echo '<{}>' < /tmp/n")).toBe('<3 c>\n<1 a>\n<2 b>\n');
    expect(await run('echo /tmp/n | xargs -I F sort F')).toBe('1 a\n2 b\n3 c\n');
  });

  it('runs each command as a child process of its own', async () => {
    expect(await run('echo /tmp/n /etc/hostname | xargs wc -l')).toBe(' 3 /tmp/n\n 1 /etc/hostname\n 4 total\n');
    expect(await run('echo -n | xargs echo nothing')).toBe('nothing\n');
    expect(await run('echo -n | xargs -r echo nothing')).toBe('');
    expect(await run("echo 'a b' | xargs -t echo")).toBe('echo a b\na b\n');
  });

  it("exits 123, 124, 127 and 1 as GNU xargs does", async () => {
    expect(await run('echo a | xargs false; echo $?')).toBe('123\n');
    expect(await run('echo a | xargs nonexistent-cmd; echo $?')).toBe('xargs: nonexistent-cmd: No such file or directory\n127\n');
    expect(await run(`echo "it's" | xargs echo; echo $?`)).toBe('xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n1\n');
    expect(await run('echo a | xargs -n 0; echo $?')).toBe("xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n1\n");
  });
});

describe('env', () => {
  it('prints the environment, and runs a command in a changed one', async () => {
    expect(await run('env -i A=1 B=2')).toBe('A=1\nB=2\n');
    expect(await run('env -i A=1 env')).toBe('A=1\n');
    expect(await run('X=1 env | grep ^X=')).toBe('X=1\n');
    expect(await run('export Y=2; env -u Y | grep -c ^Y=')).toBe('0\n');
    expect(await run("env -i Z=3 awk 'BEGIN { print ENVIRON[\"Z\"] }'")).toBe('3\n');
  });

  it('exits 127 for a command that does not exist', async () => {
    expect(await run('env nonexistent; echo $?')).toBe("env: 'nonexistent': No such file or directory\n127\n");
  });
});

describe('tee', () => {
  it('copies to stdout and files, appends with -a, reports unwritable files', async () => {
    expect(await run('echo x | tee /tmp/t1 /tmp/t2; cat /tmp/t1 /tmp/t2')).toBe('x\nx\nx\n');
    expect(await run('echo x > /tmp/t1; echo y | tee -a /tmp/t1 >/dev/null; cat /tmp/t1')).toBe('x\ny\n');
    expect(await run('echo z | tee /nonexistent/f; echo $?')).toBe('tee: /nonexistent/f: No such file or directory\nz\n1\n');
  });
});

describe('yes', () => {
  it('stops when the reader of its pipe goes away', async () => {
    expect(await run('yes | head -3')).toBe('y\ny\ny\n');
    expect(await run('yes a b | sed 2q')).toBe('a b\na b\n');
    expect(await run('yes | head -1; echo "${PIPESTATUS[0]}"')).toBe('y\n141\n');
  });
});

describe('endless work', () => {
  it('takes host time and dies at a timeout: yes, seq, awk and sed loops', async () => {
    expect(await run('timeout 0.1 yes > /dev/null; echo $?')).toBe('124\n');
    expect(await run('timeout 0.1 seq 1000000000 > /dev/null; echo $?')).toBe('124\n');
    expect(await run("timeout 0.1 awk 'BEGIN { while (1) x++ }'; echo $?")).toBe('124\n');
    expect(await run("timeout 0.1 awk 'BEGIN { while (1) print }' > /dev/null; echo $?")).toBe('124\n');
    expect(await run("echo a | timeout 0.1 sed ':a;ba'; echo $?")).toBe('124\n');
  });
});

describe('seq', () => {
  it('integers, steps, separators, widths, decimals', async () => {
    expect(await run('seq 3')).toBe('1\n2\n3\n');
    expect(await run('seq 10 -3 1')).toBe('10\n7\n4\n1\n');
    expect(await run('seq -s, 4')).toBe('1,2,3,4\n');
    expect(await run('seq -w 8 11')).toBe('08\n09\n10\n11\n');
    expect(await run('seq 1 0.5 2')).toBe('1.0\n1.5\n2.0\n');
    expect(await run('seq 0 0.1 0.3')).toBe('0.0\n0.1\n0.2\n0.3\n');
    expect(await run("seq -f '%03g' 2")).toBe('001\n002\n');
    expect(await run('seq -- -1 1')).toBe('-1\n0\n1\n');
    expect(await run('seq -1 1')).toBe('-1\n0\n1\n');
    expect(await run('seq 3 1')).toBe('');
  });

  it('reports bad operands', async () => {
    const usage = "Try 'seq --help' for more information.\n";
    expect(await run('seq x; echo $?')).toBe(`seq: invalid floating point argument: 'x'\n${usage}1\n`);
    expect(await run('seq 1 0 2; echo $?')).toBe(`seq: invalid Zero increment value: '0'\n${usage}1\n`);
    expect(await run('seq; echo $?')).toBe(`seq: missing operand\n${usage}1\n`);
  });
});

describe('less and more', () => {
  it('copy their input when the output is not a terminal; more heads each file', async () => {
    expect(await run('less /tmp/n')).toBe('3 c\n1 a\n2 b\n');
    expect(await run('cat /tmp/n | less -S')).toBe('3 c\n1 a\n2 b\n');
    expect(await run('more /tmp/n /etc/hostname')).toBe('::::::::::::::\n/tmp/n\n::::::::::::::\n3 c\n1 a\n2 b\n::::::::::::::\n/etc/hostname\n::::::::::::::\npinsim\n');
    expect(await run('echo hi | more')).toBe('hi\n');
  });

  it('report missing files and directories their own way', async () => {
    expect(await run('less /nonexistent 2>/dev/null; echo $?')).toBe('/nonexistent: No such file or directory\n0\n');
    expect(await run('less /tmp')).toBe('/tmp is a directory\n');
    expect(await run('more /nonexistent')).toBe('more: cannot open /nonexistent: No such file or directory\n');
    expect(await run('more /tmp')).toBe('\n*** /tmp: directory ***\n\n');
  });
});

describe('basename and dirname', () => {
  it('strip as coreutils does', async () => {
    expect(await run('basename /usr/lib/; basename /usr/lib/libc.so .so; basename -s .so /a/b.so /c/d.so; basename /')).toBe('lib\nlibc\nb\nd\n/\n');
    expect(await run('basename .txt .txt; basename -a x/y z/w')).toBe('.txt\ny\nw\n');
    expect(await run('dirname /usr/lib/; dirname a; dirname /; dirname //a//b//; dirname a/b c/d')).toBe('/usr\n.\n/\n//a\na\nc\n');
    expect(await run('basename a b c; echo $?')).toBe("basename: extra operand 'c'\nTry 'basename --help' for more information.\n1\n");
    expect(await run('dirname; echo $?')).toBe("dirname: missing operand\nTry 'dirname --help' for more information.\n1\n");
  });
});
