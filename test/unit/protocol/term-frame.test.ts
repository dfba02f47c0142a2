import { describe, expect, it } from 'vitest';
import { decodeTermOutput, encodeTermOutput, TERM_OUTPUT } from '../../../src-main/protocol/term-frame';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const frame = (...bytes: number[]) => new Uint8Array(bytes);

describe('terminal output frames', () => {
  it('round-trip text of one-, two-, three- and four-byte characters with its UTF-16 length', () => {
    for (const data of ['', 'ls -l\r\n', 'truncate: échec — ETXTBSY', '漢字', 'pin 📌 done']) {
      const f = decodeTermOutput(encodeTermOutput('c1xt_2-b', data) as Uint8Array<ArrayBuffer>);
      if ('error' in f) throw new Error(f.error);
      expect([f.term, text(f.bytes), f.chars]).toEqual(['c1xt_2-b', data, data.length]);
    }
  });

  it('lays out kind, id length, id, length and bytes as documented', () => {
    expect([...encodeTermOutput('t1', 'é')]).toEqual([TERM_OUTPUT, 2, 0x74, 0x31, 1, 0, 0, 0, 0xc3, 0xa9]);
  });

  it('refuses frames of another kind, cut short, or with a bad terminal id', () => {
    expect(decodeTermOutput(frame(2, 1, 0x74, 0, 0, 0, 0))).toEqual({ error: 'invalid message: unknown binary frame' });
    expect(decodeTermOutput(frame(1, 5, 0x74))).toEqual({ error: 'invalid message: truncated binary frame' });
    expect(decodeTermOutput(frame(1, 1, 0x2f, 0, 0, 0, 0))).toEqual({ error: 'invalid message at term: bad terminal id' });
    expect(decodeTermOutput(frame(1, 0, 0, 0, 0, 0))).toEqual({ error: 'invalid message at term: bad terminal id' });
    expect(decodeTermOutput(frame())).toEqual({ error: 'invalid message: unknown binary frame' });
    expect(() => encodeTermOutput('../x', 'a')).toThrow('invalid terminal id');
  });

  it('reads a frame that is a view into a larger buffer', () => {
    const f = encodeTermOutput('t9', 'abc');
    const big = new Uint8Array(f.length + 7);
    big.set(f, 7);
    const got = decodeTermOutput(big.subarray(7));
    expect('error' in got ? got : [got.term, text(got.bytes), got.chars]).toEqual(['t9', 'abc', 3]);
  });
});
