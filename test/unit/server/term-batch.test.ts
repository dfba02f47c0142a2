import { describe, expect, it } from 'vitest';
import { TermOutputBatch } from '../../../src-main/server/term-batch';
import { decodeTermOutput } from '../../../src-main/protocol/term-frame';

const turn = () => new Promise((r) => setImmediate(r));
const read = (frame: Buffer) => {
  const f = decodeTermOutput(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength) as Uint8Array<ArrayBuffer>);
  if ('error' in f) throw new Error(f.error);
  return [f.term, new TextDecoder().decode(f.bytes), f.chars] as const;
};

describe('TermOutputBatch', () => {
  it('sends one frame per terminal per turn, in the order the terminals first wrote', async () => {
    const sent: Buffer[] = [];
    const batch = new TermOutputBatch((f) => sent.push(f));
    batch.add('t2', 'a');
    batch.add('t1', 'é\r\n');
    batch.add('t2', 'b📌');
    expect(sent).toEqual([]);
    await turn();
    expect(sent.map(read)).toEqual([
      ['t2', 'ab📌', 4],
      ['t1', 'é\r\n', 3],
    ]);
  });

  it('flush() sends at once, so a message that follows the output is not overtaken', async () => {
    const sent: Buffer[] = [];
    const batch = new TermOutputBatch((f) => sent.push(f));
    batch.add('t1', 'before exit');
    batch.flush();
    expect(sent.map(read)).toEqual([['t1', 'before exit', 11]]);
    await turn();
    expect(sent).toHaveLength(1);
  });

  it('does not hold more than a megabyte back', () => {
    const sent: Buffer[] = [];
    const batch = new TermOutputBatch((f) => sent.push(f));
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 16; i++) batch.add('t1', chunk);
    expect(sent.map((f) => read(f)[2])).toEqual([16 * 64 * 1024]);
  });
});

describe('TermOutputBatch and surrogate pairs', () => {
  const pin = '📌';
  it('keeps a pair whole when a chunk boundary splits it, within a turn and across turns', async () => {
    const sent: Buffer[] = [];
    const batch = new TermOutputBatch((f) => sent.push(f));
    batch.add('t1', `a${pin[0]}`);
    batch.add('t1', `${pin[1]}b`);
    await turn();
    batch.add('t1', `c${pin[0]}`);
    await turn();
    batch.add('t1', `${pin[1]}d`);
    await turn();
    expect(sent.map(read)).toEqual([
      ['t1', `a${pin}b`, 4],
      ['t1', 'c', 1],
      ['t1', `${pin}d`, 3],
    ]);
  });

  it('sends a trailing half with what follows it when another message must go out', () => {
    const sent: Buffer[] = [];
    const batch = new TermOutputBatch((f) => sent.push(f));
    batch.add('t1', `x${pin[0]}`);
    batch.flush();
    expect(sent.map((f) => read(f)[2])).toEqual([2]);
  });
});
