// Reads a journalled session back: the last snapshot, then the inputs of the journal segments
// after it. A line torn by a crash at the very end is dropped; damage anywhere else is an error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInput, type SessionInput } from '../record/inputs';
import { parseSession, SessionFileError, type SessionDoc } from '../record/session-file';
import { SEGMENT, SNAPSHOT } from './journal';

export function readSession(dir: string): SessionDoc {
  let text: string;
  try {
    text = readFileSync(join(dir, SNAPSHOT), 'utf8');
  } catch {
    throw new SessionFileError(`damaged journal: ${SNAPSHOT} is missing`);
  }
  const doc = parseSession(text);
  const inputs = [...doc.inputs];
  const segments = readdirSync(dir).filter((f) => SEGMENT.test(f)).sort();
  for (const [si, name] of segments.entries()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    const lastSegment = si === segments.length - 1;
    for (const [li, line] of lines.entries()) {
      if (line === '') continue;
      const torn = lastSegment && li === lines.length - 1;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        if (torn) break;
        throw new SessionFileError(`damaged journal: ${name} line ${li + 1} is not JSON`);
      }
      const p = parseInput(raw);
      if (!p.ok) throw new SessionFileError(`damaged journal: ${name} line ${li + 1}: ${p.error}`);
      append(inputs, p.value, `${name} line ${li + 1}`);
    }
  }
  return { ...doc, inputs };
}

function append(inputs: SessionInput[], input: SessionInput, where: string): void {
  const last = inputs[inputs.length - 1];
  const lastN = last?.n ?? 0;
  // The snapshot already holds it (a crash between the rename and the old segment's removal).
  if (input.n <= lastN) return;
  if (input.n !== lastN + 1) throw new SessionFileError(`damaged journal: ${where}: input ${input.n} follows input ${lastN}`);
  if (last && input.t < last.t) throw new SessionFileError(`damaged journal: ${where}: input ${input.n} goes back in time`);
  inputs.push(input);
}
