// Command-line parsing as glibc's getopt_long does it, which every text tool relies on.
import { describe, expect, it } from 'vitest';
import { parseOpts, type OptSpec } from '../../../../src-main/tools/text/opts';

const spec: OptSpec = {
  short: 'cnve:i::',
  long: { count: ['c'], color: ['color', 'optional'], regexp: ['e', 'required'], 'in-place': ['i', 'optional'] },
};

describe('parseOpts', () => {
  it('clusters short options and takes attached or separate arguments', () => {
    expect(parseOpts(['-cn', '-eX', '-e', 'Y', 'file'], spec)).toEqual({
      ok: true,
      opts: [['c', undefined], ['n', undefined], ['e', 'X'], ['e', 'Y']],
      operands: ['file'],
    });
  });

  it('permutes operands after options, but not after --', () => {
    expect(parseOpts(['a', '-v', 'b', '--', '-c'], spec)).toEqual({ ok: true, opts: [['v', undefined]], operands: ['a', 'b', '-c'] });
    expect(parseOpts(['-', '-v'], spec)).toEqual({ ok: true, opts: [['v', undefined]], operands: ['-'] });
  });

  it('stops at the first operand when asked (xargs, env)', () => {
    expect(parseOpts(['-v', 'cmd', '-c'], { ...spec, stopAtOperand: true })).toEqual({ ok: true, opts: [['v', undefined]], operands: ['cmd', '-c'] });
  });

  it('gives an optional argument only when attached', () => {
    expect(parseOpts(['-i', 'x'], spec)).toEqual({ ok: true, opts: [['i', undefined]], operands: ['x'] });
    expect(parseOpts(['-i.bak', '--in-place=.orig', '--in-place'], spec)).toEqual({
      ok: true,
      opts: [['i', '.bak'], ['i', '.orig'], ['i', undefined]],
      operands: [],
    });
  });

  it('accepts unique prefixes of long options', () => {
    expect(parseOpts(['--cou', '--reg=a', '--regexp', 'b'], spec)).toEqual({ ok: true, opts: [['c', undefined], ['e', 'a'], ['e', 'b']], operands: [] });
  });

  it("reports errors with getopt's texts", () => {
    expect(parseOpts(['-z'], spec)).toEqual({ ok: false, message: "invalid option -- 'z'" });
    expect(parseOpts(['-e'], spec)).toEqual({ ok: false, message: "option requires an argument -- 'e'" });
    expect(parseOpts(['--nope'], spec)).toEqual({ ok: false, message: "unrecognized option '--nope'" });
    expect(parseOpts(['--co'], spec)).toEqual({ ok: false, message: "option '--co' is ambiguous; possibilities: '--count' '--color'" });
    expect(parseOpts(['--regexp'], spec)).toEqual({ ok: false, message: "option '--regexp' requires an argument" });
    expect(parseOpts(['--count=3'], spec)).toEqual({ ok: false, message: "option '--count' doesn't allow an argument" });
  });
});
