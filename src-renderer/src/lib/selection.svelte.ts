// What the Why and Relations panels are about: a file, a process, or a blocked operation.
export type Selection = { kind: 'file'; path: string } | { kind: 'process'; pid: number } | { kind: 'blocked'; id: number; path: string };

export class SelectionStore {
  current = $state<Selection | null>(null);

  select(s: Selection): void {
    this.current = s;
  }

  clear(): void {
    this.current = null;
  }

  /** The file the selection is about, if it is about one. */
  get path(): string | null {
    const c = this.current;
    return c && c.kind !== 'process' ? c.path : null;
  }
}
