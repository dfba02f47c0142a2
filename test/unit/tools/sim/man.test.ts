// man: a page per command (tools from their --help, host programs from their usage), apropos.
import { describe, expect, it } from 'vitest';
import { manPage } from '../../../../src-main/tools/sim/man';
import { sh } from './run';

describe('man', () => {
  it('formats a page as man does without a terminal: header, NAME, SYNOPSIS, DESCRIPTION, footer', () => {
    const page = manPage({ name: 'frob', summary: 'frobnicate files', text: 'Usage: frob [OPTION]... FILE\n  or:  frob --help\nFrobnicate FILE.\n\n  -x    extra\n' });
    const header = `${'FROB(1)'.padEnd(33)}User Commands`.padEnd(73) + 'FROB(1)';
    expect(header).toHaveLength(80);
    expect(page).toBe(
      `${header}\n\nNAME\n       frob - frobnicate files\n\n` +
        'SYNOPSIS\n       frob [OPTION]... FILE\n       frob --help\n\nDESCRIPTION\n       Frobnicate FILE.\n\n         -x    extra\n\n' +
        `${'pinsim 0.1.0'.padEnd(34)}August 2019`.padEnd(73) + 'FROB(1)\n',
    );
    expect(page.split('\n').every((l) => l.length <= 80)).toBe(true);
  });

  it('has a page for tools, for the simulator commands and for host programs', async () => {
    const { out, status } = await sh('man truncate why rdma-app lease-hold sleep | grep -E "^[A-Z-]+\\([18]\\) "');
    expect(status).toBe(0);
    expect(out.split('\n').filter((l) => / {2,}[A-Za-z ]+ {2,}/.test(l)).length).toBeGreaterThanOrEqual(5);
    expect((await sh('man rdma-app')).out).toContain('       --truncate-after-pin  truncate FILE to 0 once pinned, log the result\n'.replace('       --', '         --'));
    expect((await sh('man man')).out).toContain('       man -k KEYWORD...\n');
  });

  it('No manual entry: status 16; no page asked: status 1; apropos and whatis', async () => {
    expect(await sh('man nosuch')).toEqual({ out: 'No manual entry for nosuch\n', status: 16 });
    expect(await sh('man')).toEqual({ out: "What manual page do you want?\nFor example, try 'man man'.\n", status: 1 });
    const k = await sh('man -k lease');
    expect(k.out).toMatch(/^db-sim \(1\) {11}- simulated database/m);
    expect(k.out).toMatch(/^lease-hold \(1\) {7}- takes a lease/m);
    expect(k.out).not.toMatch(/^truncate /m);
    expect(await sh('man -k zzzz')).toEqual({ out: 'zzzz: nothing appropriate.\n', status: 16 });
    expect((await sh('man -f why')).out).toBe('why (1)              - explain why a truncate or hole punch of a file fails or hangs\n');
  });
});
