// The export formats by name and by file extension (no imports: the CLI checks them at start-up).
export const EXPORT_FORMATS = ['md', 'html', 'json', 'csv', 'cast'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format a file name asks for (`--timeline OUT.md`), or undefined. */
export function formatOf(path: string): ExportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  return EXPORT_FORMATS.find((f) => f === ext);
}
