// Compound commands at run time: groups, subshells, if, while/until, for, case, (( )), [[ ]].

import type { CompoundNode, ListNode } from './ast';
import { evalCond } from './cond';
import { LoopSignal, type Ctx, type Executor } from './executor';
import { matchPattern } from './glob';

export async function runCompound(x: Executor, cmd: CompoundNode & { line: number }, ctx: Ctx): Promise<number> {
  const ex = x.expander(ctx);
  const st = ctx.state;
  switch (cmd.type) {
    case 'group':
      return x.list(cmd.body, ctx);
    case 'subshell': {
      const sub: Ctx = { ...ctx, state: st.clone(), loops: 0, subshell: true };
      return (st.status = await x.subshell(() => x.list(cmd.body, sub), sub));
    }
    case 'if': {
      for (const c of cmd.clauses) {
        if ((await x.list(c.cond, { ...ctx, cond: true })) === 0) return x.list(c.body, ctx);
      }
      return cmd.else ? x.list(cmd.else, ctx) : (st.status = 0);
    }
    case 'while': {
      let status = 0;
      for (;;) {
        const c = await x.list(cmd.cond, { ...ctx, cond: true });
        if ((c === 0) === cmd.until) break;
        const r = await loopBody(x, cmd.body, ctx);
        status = r.status;
        if (r.stop) break;
      }
      return (st.status = status);
    }
    case 'for': {
      const items = cmd.items ? await ex.words(cmd.items) : [...st.positional];
      let status = 0;
      for (const item of items) {
        st.vars.set(cmd.name, item);
        const r = await loopBody(x, cmd.body, ctx);
        status = r.status;
        if (r.stop) break;
      }
      return (st.status = status);
    }
    case 'cfor': {
      let status = 0;
      if (cmd.init.length) await ex.arith(cmd.init);
      while (!cmd.cond.length || (await ex.arith(cmd.cond)) !== 0n) {
        const r = await loopBody(x, cmd.body, ctx);
        status = r.status;
        if (r.stop) break;
        if (cmd.step.length) await ex.arith(cmd.step);
      }
      return (st.status = status);
    }
    case 'case': {
      const word = await ex.string(cmd.word.parts);
      let status = 0;
      let fall = false;
      for (const item of cmd.items) {
        let hit = fall;
        for (const pat of item.patterns) if (!hit && matchPattern(await ex.pattern(pat.parts), word)) hit = true;
        if (!hit) continue;
        status = await x.list(item.body, ctx);
        if (item.end === ';;') return (st.status = status);
        fall = item.end === ';&';
      }
      return (st.status = status);
    }
    case 'arith':
      return (st.status = (await ex.arith(cmd.expr)) !== 0n ? 0 : 1);
    case 'cond':
      x.lineno = cmd.line;
      return (st.status = await evalCond(cmd.expr, ex, x.testEnv(ctx), (m) => x.err(ctx, m)));
  }
}

async function loopBody(x: Executor, body: ListNode, ctx: Ctx): Promise<{ status: number; stop: boolean }> {
  try {
    return { status: await x.list(body, { ...ctx, loops: ctx.loops + 1 }), stop: false };
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (e.levels > 1) throw new LoopSignal(e.levels - 1, e.isContinue);
    return { status: ctx.state.status, stop: !e.isContinue };
  }
}
