import { describe, expect, it } from 'vitest';
import { ReadonlyError, ShellState, Vars } from '../../../src-main/shell/state';

describe('Vars.clone (a subshell)', () => {
  it('shares nothing that either side changes: scalars, arrays, elements, attributes, unset', () => {
    const parent = new Vars();
    parent.set('x', '1');
    parent.setArray('a', ['p', 'q']);
    parent.set('e', 'v', { exported: true });
    const sub = parent.clone();
    sub.set('x', '2');
    sub.setElement('a', 1, 'Q');
    sub.mark('e', { exported: false });
    sub.unsetElement('a', 0);
    sub.set('new', 'n');
    expect([parent.get('x'), parent.lookup('a')?.value, parent.exported(), parent.get('new')]).toEqual(['1', ['p', 'q'], { e: 'v' }, undefined]);
    expect([sub.get('x'), sub.lookup('a')?.value, sub.exported()]).toEqual(['2', [undefined, 'Q'], {}]);
    // The parent changes after the clone: the subshell keeps what it saw.
    parent.set('x', '3');
    parent.setElement('a', 0, 'P');
    expect(sub.get('x')).toBe('2');
    expect((sub.lookup('a')?.value as unknown[])[0]).toBeUndefined();
    expect(parent.lookup('a')?.value).toEqual(['P', 'q']);
  });

  it('clones of clones, and a second clone after changes, stay apart', () => {
    const parent = new Vars();
    parent.set('x', 'a');
    const one = parent.clone();
    parent.set('x', 'b');
    const two = parent.clone();
    const deeper = one.clone();
    two.set('x', 'c');
    deeper.set('x', 'd');
    expect([parent.get('x'), one.get('x'), two.get('x'), deeper.get('x')]).toEqual(['b', 'a', 'c', 'd']);
  });

  it('function scopes are copied too, and readonly still holds in the copy', () => {
    const st = new ShellState({ cwd: '/', argv0: 'bash' });
    st.vars.pushFrame();
    st.vars.declareLocal('l', { value: 'outer' });
    st.vars.set('r', 'fixed', { readonly: true });
    const sub = st.clone();
    sub.vars.set('l', 'inner');
    expect(st.vars.get('l')).toBe('outer');
    expect(() => sub.vars.set('r', 'x')).toThrow(ReadonlyError);
    expect(() => sub.vars.unsetElement('r', 0)).toThrow(ReadonlyError);
  });

  it('exported() lets a local shadow a global, in and out of functions', () => {
    const v = new Vars();
    v.set('G', 'global', { exported: true });
    v.set('H', 'h');
    expect(v.exported()).toEqual({ G: 'global' });
    v.pushFrame();
    v.declareLocal('G', { value: 'local' });
    expect(v.exported()).toEqual({});
    v.declareLocal('H', { value: 'lh', exported: true });
    expect(v.exported()).toEqual({ H: 'lh' });
  });
});

describe('Vars.restore (VAR=x before a function or builtin)', () => {
  it('puts back the value and the attributes, and shares no array with a subshell', () => {
    const v = new Vars();
    v.set('x', '1');
    v.setArray('a', ['p']);
    const saved = { ...v.lookup('x')! };
    const savedA = { ...v.lookup('a')! };
    const sub = v.clone();
    v.set('x', '2', { exported: true });
    v.setArray('a', ['q']);
    v.restore('x', saved);
    v.restore('a', savedA);
    expect(v.exported()).toEqual({});
    v.setElement('a', 0, 'z');
    expect(sub.lookup('a')?.value).toEqual(['p']);
    expect(v.lookup('a')?.value).toEqual(['z']);
  });
});
