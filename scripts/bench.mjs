#!/usr/bin/env node
// `npm run bench`: measures the kernel model against the budgets in docs/performance.md.
// The benchmarks are TypeScript; tsx's loader is registered so plain `node scripts/bench.mjs` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./bench/kernel.ts');
await main(process.argv.slice(2));
