// The postmortem as one self-contained HTML page: styles inline, no script, no outside resource,
// readable on screen and printable (the desktop app prints it to PDF).
import { report, type Block } from './report';
import type { TimelineDoc } from './timeline';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inline(s: string): string {
  return s
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'h':
      return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case 'p':
      return `<p>${inline(b.text)}</p>`;
    case 'ul':
      return `<ul${b.check ? ' class="tasks"' : ''}>\n${b.items.map((i) => `<li>${b.check ? '<span class="box" aria-hidden="true">☐</span> ' : ''}${inline(i)}</li>`).join('\n')}\n</ul>`;
    case 'pre':
      return `<pre>${esc(b.text)}</pre>`;
    case 'table': {
      const head = `<thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r, i) => {
        const tone = b.tone?.[i];
        return `<tr${tone ? ` class="${tone}"` : ''}>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
      });
      return `<table>\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
  }
}

const STYLE = `
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1f21;background:#fff;max-width:72rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
pre{background:#f5f5f5;border:1px solid #ddd;border-radius:4px;padding:.8rem;overflow-x:auto;font:12px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre}
code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f2f2f2;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%;font-size:12px}th,td{border:1px solid #ddd;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f2;white-space:nowrap}td:first-child,td:nth-child(2){white-space:nowrap;font-variant-numeric:tabular-nums}
tr.bad td{background:#fdecea}tr.milestone td{background:#e8f1fb;font-weight:600}tr.note td{background:#fff8e1}
ul.tasks{list-style:none;padding-left:1rem}.box{font-size:1.1em}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

export function toHtml(doc: TimelineDoc): string {
  const blocks = report(doc);
  const title = blocks[0]?.kind === 'h' ? blocks[0].text : 'Postmortem';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(doc.generator)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${blocks.map(block).join('\n')}
</main>
</body>
</html>
`;
}
