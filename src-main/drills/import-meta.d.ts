// Vite's import.meta.glob, as the shipped scenarios are bundled with it (see library.ts).
interface ImportMeta {
  glob(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
}
