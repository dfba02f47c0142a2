// `pinsim export FILE --format md|html|json|csv|cast`: a saved session (replayed to rebuild its
// timeline), a journalled session's folder, or a timeline JSON export, written in another format.
// Nothing is written unless the whole export succeeded.
import { readFile, stat, writeFile, rename } from 'node:fs/promises';
import { exportTimeline, EXPORT_FORMATS, type ExportFormat } from '../session/export/index';
import { parseTimeline, type TimelineDoc } from '../session/export/timeline';
import { sessionTimeline } from '../session/export/session-export';
import { parseSession, type SessionDoc } from '../session/record/session-file';
import { replay } from '../session/record/replay';
import { readSession } from '../session/journal/recover';
import { GENERATOR } from '../session/record/version';

export class ExportInputError extends Error {}

/** A session file, a journal folder, or a timeline: the timeline, replaying when it has to. */
export async function loadTimeline(path: string): Promise<TimelineDoc> {
  let doc: SessionDoc;
  try {
    if ((await stat(path)).isDirectory()) doc = readSession(path);
    else {
      const text = await readFile(path, 'utf8');
      const raw = peek(text);
      if (raw && raw.format === undefined && raw.events !== undefined) return parseTimeline(text);
      doc = parseSession(text);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ExportInputError(`${path}: No such file or directory`);
    throw new ExportInputError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const s = await replay(doc);
  try {
    return sessionTimeline(s, { seed: doc.seed, policy: doc.policy, scenario: doc.scenario, benchHost: doc.benchHost ?? null, started: doc.started }, GENERATOR);
  } finally {
    s.dispose();
  }
}

function peek(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function checkFormat(format: string | undefined): ExportFormat {
  if (format === 'pdf') throw new ExportInputError('PDF is printed by the desktop app (it needs the Electron runtime); export --format html and print that page to PDF');
  const f = EXPORT_FORMATS.find((x) => x === format);
  if (!f) throw new ExportInputError(`--format is one of ${EXPORT_FORMATS.join(', ')}`);
  return f;
}

/** Writes beside the target and renames over it: a reader never sees half a file. */
export async function writeOut(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export async function runExport(file: string, format: ExportFormat, terminal: string | undefined, out: string | undefined): Promise<void> {
  const doc = await loadTimeline(file);
  let data: string;
  try {
    data = exportTimeline(doc, format, terminal).data;
  } catch (e) {
    throw new ExportInputError(e instanceof Error ? e.message : String(e));
  }
  if (out === undefined || out === '-') process.stdout.write(data);
  else await writeOut(out, data);
}
