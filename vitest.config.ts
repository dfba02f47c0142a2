import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Two projects: Node-side code must not resolve packages' browser builds, which the
// Svelte plugin would otherwise switch on for everything.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts', 'test/transcripts/**/*.test.ts'],
        },
      },
      {
        plugins: [svelte({ configFile: './svelte.config.js' })],
        // Components mount in the DOM: Svelte's client build, not its server one.
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
