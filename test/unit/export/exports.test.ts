// Every export format of one recorded incident against its golden file (the session is driven by
// hand and its wall clock is virtual time from a fixed epoch, so the exports are stable), and the
// properties a reader of each format relies on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { drive, incident, type Driven } from '../record/drive';
import { buildTimeline, parseTimeline, TimelineDoc, type TimelineDoc as Doc } from '../../../src-main/session/export/timeline';
import { exportTimeline, EXPORT_FORMATS } from '../../../src-main/session/export/index';
import { csvField } from '../../../src-main/session/export/csv';
import { pickTerminal } from '../../../src-main/session/export/asciicast';
import { digestOf } from '../../../src-main/session/record/digest';

const GOLDEN = join(__dirname, 'golden');
const UPDATE = process.env.PINSIM_UPDATE_GOLDEN === '1';

let d: Driven;
let doc: Doc;
beforeAll(async () => {
  d = drive();
  await incident(d);
  doc = buildTimeline({ generator: 'pinsim test', recorder: d.s.recorder, seed: 1, policy: 'rfc-v2', scenario: null, logs: d.s.logs, inputs: d.s.inputs, digest: digestOf(d.s.recorder) });
});
afterAll(() => d.s.dispose());

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(field);
      field = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    } else field += c;
  }
  return rows;
}

describe('exports', () => {
  it.each(EXPORT_FORMATS)('%s matches its golden file', (format) => {
    const file = exportTimeline(doc, format);
    expect(file.filename).toMatch(new RegExp(`^pinsim-pinsim-20240501T100000Z(-t1)?\\.${format}$`));
    const path = join(GOLDEN, `incident.${format}`);
    if (UPDATE || !existsSync(path)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, file.data);
    }
    expect(file.data).toBe(readFileSync(path, 'utf8'));
  });

  it('writes postmortems with every section and the chain why gave when the truncate failed', () => {
    const md = exportTimeline(doc, 'md').data;
    const sections = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['Summary', 'Impact', 'Root cause chain', 'Time to detect, mitigate, resolve', 'Timeline', 'Resolution', 'Action items']);
    expect(md).toMatch(/```text\n\/mnt\/pmem\/data: truncate and hole punch fail at once with ETXTBSY/);
    expect(md).toContain('- [ ] have rdma-app deregister its MR on SIGTERM');
    expect(md).toMatch(/\| detected \| \+0\.\d{3} s \| 10:00:00\.\d{3} \| \d+ ms \| derived \|/);
    const html = exportTimeline(doc, 'html').data;
    expect(html).toMatch(/^<!doctype html>/);
    // Self-contained: nothing to fetch, nothing to run.
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i);
    expect(html).toContain('<h2>Root cause chain</h2>');
    const hostile = { ...doc, events: doc.events.map((e) => (e.source === 'annotation' ? { ...e, text: 'TODO: <img src=x onerror=alert(1)> & "more"' } : e)) };
    const escaped = exportTimeline(hostile, 'html').data;
    expect(escaped).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;');
    expect(escaped).not.toContain('<img');
    expect(exportTimeline(hostile, 'md').data).toContain('\\<img src=x onerror=alert(1)\\> & "more"');
  });

  it('quotes CSV fields as RFC 4180 says and loses nothing', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    const rows = parseCsv(exportTimeline(doc, 'csv').data);
    expect(rows[0]).toEqual(['id', 't_ns', 'time_s', 'wall', 'source', 'kind', 'pid', 'path', 'term', 'text']);
    expect(rows.length).toBe(doc.events.length + 1);
    rows.slice(1).forEach((r, i) => {
      const e = doc.events[i]!;
      expect(r).toEqual([e.id, String(e.t), (e.t / 1e9).toFixed(9), e.wall, e.source, e.kind, e.pid === null ? '' : String(e.pid), e.path ?? '', e.term ?? '', e.text]);
    });
  });

  it('records a terminal as asciicast v2 with markers at the milestones', () => {
    const lines = exportTimeline(doc, 'cast').data.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    const [header, ...events] = lines as [Record<string, unknown>, ...Array<[number, string, string]>];
    expect(header).toMatchObject({ version: 2, width: 80, height: 24, timestamp: Math.floor(Date.UTC(2024, 4, 1, 10, 0, 0) / 1000) });
    let last = 0;
    for (const [t, kind, data] of events) {
      expect(t).toBeGreaterThanOrEqual(last);
      expect(['o', 'm', 'r']).toContain(kind);
      expect(typeof data).toBe('string');
      last = t;
    }
    expect(events.filter((e) => e[1] === 'm').map((e) => e[2])).toEqual(['started', 'detected', 'identified', 'mitigated', 'resolved']);
    expect(events.filter((e) => e[1] === 'o').map((e) => e[2]).join('')).toBe(d.s.logs[0]!.transcript());
    expect(() => pickTerminal(doc, '7')).toThrow('no terminal 7: the session has 1 (t1)');
  });

  it('reads its JSON back to the same document, and the schema file in docs is the current one', () => {
    const json = exportTimeline(doc, 'json').data;
    const back = parseTimeline(json);
    expect(back).toEqual(doc);
    expect(exportTimeline(back, 'json').data).toBe(json);
    expect(() => parseTimeline(json.replace('"version": 1', '"version": 2'))).toThrow('this timeline was written by a newer pinsim (version 2; this pinsim reads version 1)');
    expect(() => parseTimeline(json.replace('"source": "kernel"', '"source": "gossip"'))).toThrow(/^damaged timeline: events\.0\.source: /);
    // The published JSON Schema is generated from the schema the import checks with (PINSIM_UPDATE_GOLDEN=1 rewrites it).
    const current = { $id: 'https://pinsim.invalid/timeline.schema.json', title: 'pinsim timeline', ...z.toJSONSchema(TimelineDoc, { io: 'input' }) };
    const path = join(__dirname, '../../../docs/timeline.schema.json');
    if (UPDATE || !existsSync(path)) writeFileSync(path, `${JSON.stringify(current, null, 2)}\n`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(current);
  });
});
