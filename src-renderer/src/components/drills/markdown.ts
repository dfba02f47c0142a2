// A small Markdown reader for briefings and debriefs: headings, paragraphs, lists, code and
// links. It builds a tree the Markdown component renders with elements — no HTML string is ever
// produced or trusted, and raw HTML in the text stays text.

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] };

export type Block =
  | { t: 'heading'; level: number; c: Inline[] }
  | { t: 'paragraph'; c: Inline[] }
  | { t: 'list'; ordered: boolean; items: Inline[][] }
  | { t: 'code'; v: string };

/** Links are followed only to the web (and mail); anything else (javascript:, file:) stays text. */
export function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBER = /^\s*\d+[.)]\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;

export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) body.push(lines[i]!);
      i++;
      blocks.push({ t: 'code', v: body.join('\n') });
      continue;
    }
    if (/^( {4}|\t)/.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && (/^( {4}|\t)/.test(lines[i]!) || (lines[i]!.trim() === '' && /^( {4}|\t)/.test(lines[i + 1] ?? ''))); i++) body.push(lines[i]!.replace(/^( {4}|\t)/, ''));
      blocks.push({ t: 'code', v: body.join('\n') });
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      blocks.push({ t: 'heading', level: h[1]!.length, c: parseInline(h[2]!) });
      i++;
      continue;
    }
    const ordered = NUMBER.test(line);
    if (ordered || BULLET.test(line)) {
      const marker = ordered ? NUMBER : BULLET;
      const items: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
        const m = marker.exec(lines[i]!);
        if (m) items.push(m[1]!);
        else if (items.length > 0 && /^\s+/.test(lines[i]!)) items[items.length - 1] += ` ${lines[i]!.trim()}`;
        else break;
      }
      blocks.push({ t: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && lines[i]!.trim() !== '' && !HEADING.test(lines[i]!) && !FENCE.test(lines[i]!) && !BULLET.test(lines[i]!) && !NUMBER.test(lines[i]!); i++) para.push(lines[i]!.trim());
    blocks.push({ t: 'paragraph', c: parseInline(para.join(' ')) });
  }
  return blocks;
}

/** `code`, **strong**, *em* or _em_, [text](url); everything else is text. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', v: text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const code = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
    const strong = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest);
    const em = /^([*_])(?=\S)([\s\S]*?\S)\1(?![*_\w])/.exec(rest);
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (code) {
      flush();
      out.push({ t: 'code', v: code[2]!.trim() || code[2]! });
      i += code[0].length;
    } else if (strong) {
      flush();
      out.push({ t: 'strong', c: parseInline(strong[1]!) });
      i += strong[0].length;
    } else if (em && (i === 0 || !/\w/.test(s[i - 1]!))) {
      flush();
      out.push({ t: 'em', c: parseInline(em[2]!) });
      i += em[0].length;
    } else if (link) {
      flush();
      const href = safeHref(link[2]!);
      if (href) out.push({ t: 'link', href, c: parseInline(link[1]!) });
      else out.push({ t: 'text', v: link[0] });
      i += link[0].length;
    } else {
      text += s[i];
      i++;
    }
  }
  flush();
  return out;
}
