// GNU getopt_long as the tools parse their arguments: permutation, bundles, attached and
// separate values, unambiguous abbreviations and glibc's diagnostics.
import { describe, expect, it } from 'vitest';
import { getopt, type LongOpt } from '../../../../src-main/tools/getopt';

const LONG: LongOpt[] = [
  { name: 'size', arg: 'required', key: 's' },
  { name: 'no-create', arg: 'none', key: 'c' },
  { name: 'no-dereference', arg: 'none', key: 'h' },
  { name: 'color', arg: 'optional' },
];

describe('getopt', () => {
  it('takes options anywhere until --, bundled, with attached or separate values', () => {
    expect(getopt(['f1', '-cs', '10', 'f2', '--size=3', '-s4', '--', '-x'], { short: 'cs:', long: LONG })).toEqual({
      ok: true,
      opts: [{ key: 'c' }, { key: 's', value: '10' }, { key: 's', value: '3' }, { key: 's', value: '4' }],
      operands: ['f1', 'f2', '-x'],
    });
    expect(getopt(['-', 'x'], { short: 'c' })).toEqual({ ok: true, opts: [], operands: ['-', 'x'] });
  });

  it('quotes the whole word, value included, when it cannot place a long option (grep --foo=bar)', () => {
    expect(getopt(['--foo=bar'], { short: '', long: LONG })).toEqual({ ok: false, message: "unrecognized option '--foo=bar'" });
    expect(getopt(['--no=1'], { short: '', long: LONG })).toEqual({ ok: false, message: "option '--no=1' is ambiguous; possibilities: '--no-create' '--no-dereference'" });
  });

  it('stops at the first operand when asked (xfs_io subcommands)', () => {
    expect(getopt(['-k', '0', '-p'], { short: 'kp', inOrder: true })).toEqual({ ok: true, opts: [{ key: 'k' }], operands: ['0', '-p'] });
  });

  it('accepts unique abbreviations and optional values only after =', () => {
    expect(getopt(['--si', '9', '--color', '--color=never'], { short: '', long: LONG })).toEqual({
      ok: true,
      opts: [{ key: 's', value: '9' }, { key: 'color' }, { key: 'color', value: 'never' }],
      operands: [],
    });
  });

  it("words its errors as glibc 2.36 does", () => {
    const err = (args: string[]) => getopt(args, { short: 'cs:', long: LONG });
    expect(err(['-z'])).toEqual({ ok: false, message: "invalid option -- 'z'" });
    expect(err(['-s'])).toEqual({ ok: false, message: "option requires an argument -- 's'" });
    expect(err(['--bogus'])).toEqual({ ok: false, message: "unrecognized option '--bogus'" });
    expect(err(['--size'])).toEqual({ ok: false, message: "option '--size' requires an argument" });
    expect(err(['--no-create=1'])).toEqual({ ok: false, message: "option '--no-create' doesn't allow an argument" });
    expect(err(['--no'])).toEqual({ ok: false, message: "option '--no' is ambiguous; possibilities: '--no-create' '--no-dereference'" });
  });
});
