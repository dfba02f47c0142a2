// PDF export in the desktop app: the simulation answers a PDF request with the postmortem's HTML;
// the IPC bridge prints it and hands the page a PDF (or the reason it could not).
import { describe, expect, it, vi } from 'vitest';
import { IpcBridge } from '../../../src-main/app/ipc';
import type { ClientMessage, HostMessage } from '../../../src-main/protocol/messages';
import type { SimulationLink } from '../../../src-main/worker/link';

const ENTRY = 'file:///app/out/renderer/index.html';
const HTML: HostMessage = { type: 'export', format: 'pdf', filename: 'x.pdf', mime: 'application/pdf', encoding: 'html', data: '<!doctype html><p>hi</p>', error: null };

function setup(print?: (html: string) => Promise<string>) {
  const listeners = new Set<(m: HostMessage) => void>();
  const link: SimulationLink = { send: (_m: ClientMessage) => undefined, onMessage: (l) => (listeners.add(l), () => listeners.delete(l)), close: async () => undefined };
  const sent: HostMessage[] = [];
  new IpcBridge(link, { send: (m) => void sent.push(m) }, ENTRY, vi.fn(), print);
  return { sent, emit: (m: HostMessage) => listeners.forEach((l) => l(m)) };
}

describe('PDF export through the desktop bridge', () => {
  it('prints the HTML and sends the page a base64 PDF', async () => {
    const print = vi.fn(async (html: string) => Buffer.from(`%PDF-1.7 ${html.length}`).toString('base64'));
    const { sent, emit } = setup(print);
    emit(HTML);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(print).toHaveBeenCalledWith('<!doctype html><p>hi</p>');
    expect(sent[0]).toMatchObject({ type: 'export', format: 'pdf', encoding: 'base64', error: null });
    expect(Buffer.from((sent[0] as { data: string }).data, 'base64').toString()).toBe('%PDF-1.7 24');
  });

  it('says why when printing fails, and passes everything else through untouched', async () => {
    const { sent, emit } = setup(async () => {
      throw new Error('no printer');
    });
    emit(HTML);
    const md: HostMessage = { ...HTML, format: 'md', encoding: 'utf8', data: '# x' };
    emit(md);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toEqual(md);
    expect(sent[1]).toMatchObject({ format: 'pdf', encoding: null, data: null, error: 'printing the PDF failed: Error: no printer' });
  });

  it('leaves the HTML for the page to explain where nothing can print (browser mode)', () => {
    const { sent, emit } = setup();
    emit(HTML);
    expect(sent).toEqual([HTML]);
  });
});
