// The `pinsim` command as one CommonJS file (out/cli/pinsim.cjs), so that bin/cli-loader.mjs can
// compile it with a V8 code cache: Node 20 accepts cached data only for scripts, not for ES modules.
// Dependencies are bundled too, so what a command does not use (ws, zod, yaml) is never evaluated.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  ssr: { noExternal: true },
  build: {
    ssr: resolve('src-main/cli/main.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'pinsim.cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' } },
  },
});
