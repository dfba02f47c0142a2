// POSIX BRE/ERE → JS RegExp, checked line by line against what GNU grep 3.8 selects.
import { describe, expect, it } from 'vitest';
import { escapeLiteral, RegexError, translate } from '../../../../src-main/tools/text/regex';

const re = (p: string, extended = false) => new RegExp(translate(p, { extended }).source, 's');
const matches = (p: string, s: string, extended = false) => re(p, extended).test(s);
const error = (p: string, extended = false) => {
  try {
    translate(p, { extended });
  } catch (e) {
    if (e instanceof RegexError) return e.message;
  }
  return null;
};

describe('BRE', () => {
  it('reads \\( \\) \\{ \\} \\| as operators and ( ) { } | + ? as characters', () => {
    expect(matches('\\(ab\\)\\{2\\}', 'abab')).toBe(true);
    expect(matches('\\(ab\\)\\{2\\}', 'ab')).toBe(false);
    expect(matches('a\\|b', 'b')).toBe(true);
    expect(matches('a|b', 'b')).toBe(false);
    expect(matches('a|b', 'a|b')).toBe(true);
    expect(matches('a+b', 'aab')).toBe(false);
    expect(matches('a+b', 'a+b')).toBe(true);
    expect(matches('a\\+b', 'aab')).toBe(true);
    expect(matches('x{1}', 'x{1}')).toBe(true);
    expect(matches('(a)', '(a)')).toBe(true);
  });

  it('takes * at the start, after \\( or \\| and after a leading ^ literally', () => {
    expect(matches('*a', '*a')).toBe(true);
    expect(matches('*a', 'a')).toBe(false);
    expect(matches('\\(*a\\)', '*a')).toBe(true);
    expect(matches('x\\|*a', '*a')).toBe(true);
    expect(matches('^*a', '*a')).toBe(true);
    expect(matches('^*a', 'a')).toBe(false);
  });

  it('anchors ^ only at the start and $ only at the end', () => {
    expect(matches('a^b', 'a^b')).toBe(true);
    expect(matches('a$b', 'a$b')).toBe(true);
    expect(matches('^^', '^a')).toBe(true);
    expect(matches('^^', 'a')).toBe(false);
    expect(matches('a$', 'ba')).toBe(true);
    expect(matches('a$', 'ab')).toBe(false);
    expect(matches('\\(a$\\)', 'ba')).toBe(true);
  });

  it('back-references, word boundaries and GNU escapes', () => {
    expect(matches('\\(ab\\)\\1', 'abab')).toBe(true);
    expect(matches('\\(ab\\)\\1', 'abba')).toBe(false);
    expect(matches('\\<foo\\>', 'a foo b')).toBe(true);
    expect(matches('\\<foo\\>', 'foobar')).toBe(false);
    expect(matches('\\bbar', 'foo bar')).toBe(true);
    expect(matches('\\w\\+', '__')).toBe(true);
    expect(matches('\\s', 'a b')).toBe(true);
  });

  it('repeats a repetition as GNU does (a** is a*)', () => {
    expect(matches('^a**$', 'aaa')).toBe(true);
    expect(matches('^a\\{1,2\\}\\{2\\}$', 'aaa')).toBe(true);
    expect(matches('a\\{,1\\}b', 'b')).toBe(true);
  });
});

describe('ERE', () => {
  it('reads + ? | ( ) { } as operators', () => {
    expect(matches('^(a|b)+$', 'abba', true)).toBe(true);
    expect(matches('^(a|b)+$', 'abc', true)).toBe(false);
    expect(matches('colou?r', 'color', true)).toBe(true);
    expect(matches('^x{2}$', 'xx', true)).toBe(true);
    expect(matches('a{,2}b', 'aab', true)).toBe(true);
  });

  it('takes a brace that starts no interval, and an unmatched ), as characters', () => {
    expect(matches('x{', 'x{', true)).toBe(true);
    expect(matches('x{1', 'x{1', true)).toBe(true);
    expect(matches('a)', 'a)', true)).toBe(true);
    expect(matches('\\{', '{', true)).toBe(true);
  });

  it('ignores a repetition with nothing before it (GNU)', () => {
    expect(matches('*a', 'a', true)).toBe(true);
    expect(matches('(*a)', 'xa', true)).toBe(true);
  });
});

describe('bracket expressions', () => {
  it('classes, ranges, a leading ] and a literal backslash', () => {
    expect(matches('^[[:upper:]][[:digit:]]$', 'A1')).toBe(true);
    expect(matches('[[:space:]]', 'a\tb')).toBe(true);
    expect(matches('[[:punct:]]', 'a-b')).toBe(true);
    expect(matches('[[:punct:]]', 'ab')).toBe(false);
    expect(matches('[]x]', ']')).toBe(true);
    expect(matches('[^]x]', ']')).toBe(false);
    expect(matches('[\\]', '\\')).toBe(true);
    expect(matches('[\\n]', 'n')).toBe(true);
    expect(matches('[a-]', '-')).toBe(true);
    expect(matches('[[.-.]]', '-')).toBe(true);
    expect(matches('[[=a=]]b', 'ab')).toBe(true);
  });

  it('sed reads \\n and \\t inside brackets as newline and tab', () => {
    const sed = new RegExp(translate('a[\\n\\t]b', { extended: false, sedEscapes: true }).source);
    expect(sed.test('a\nb')).toBe(true);
    expect(sed.test('a\tb')).toBe(true);
    expect(sed.test('anb')).toBe(false);
  });

  it('awk reads C escapes and \\/', () => {
    const awk = new RegExp(translate('^a\\/b\\t$', { extended: true, awk: true }).source);
    expect(awk.test('a/b\t')).toBe(true);
  });
});

describe("GNU regcomp's errors", () => {
  it.each([
    ['\\(', false, 'Unmatched ( or \\('],
    ['(', true, 'Unmatched ( or \\('],
    ['\\)', false, 'Unmatched ) or \\)'],
    ['[a', false, 'Unmatched [, [^, [:, [., or [='],
    ['[', false, 'Invalid regular expression'],
    ['a\\{1', false, 'Unmatched \\{'],
    ['a\\{2,1\\}', false, 'Invalid content of \\{\\}'],
    ['[[:foo:]]', false, 'Invalid character class name'],
    ['[z-a]', false, 'Invalid range end'],
    ['a\\', false, 'Trailing backslash'],
    ['\\1', false, 'Invalid back reference'],
    ['\\(a\\)\\2', false, 'Invalid back reference'],
  ] as const)('%s', (p, ere, message) => {
    expect(error(p, ere)).toBe(message);
  });

  it('accepts what GNU accepts', () => {
    expect(error('a**', true)).toBeNull();
    expect(error(')', true)).toBeNull();
    expect(error('a{1', true)).toBeNull();
  });
});

describe('group renumbering', () => {
  it('shifts groups and back-references by an offset, so patterns can be joined', () => {
    const a = translate('\\(x\\)\\1', { extended: false });
    const b = translate('\\(y\\)\\1', { extended: false }, a.groups);
    const joined = new RegExp(`(?:${a.source})|(?:${b.source})`);
    expect(joined.test('yy')).toBe(true);
    expect(joined.test('xy')).toBe(false);
  });
});

describe('escapeLiteral', () => {
  it('makes every character plain', () => {
    const s = 'a.b*c[d]^$\\(e)|+?{f}/-';
    expect(new RegExp(`^${escapeLiteral(s)}$`).test(s)).toBe(true);
  });
});
