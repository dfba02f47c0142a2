// Runs a script non-interactively. (provisional until the shell lands)
export interface ScriptOptions {
  name: string;
  seed?: number | undefined;
  policy?: string | undefined;
  write(s: string): void;
}
export async function runScript(text: string, o: ScriptOptions): Promise<number> {
  for (const l of text.split('\n')) {
    const [cmd, ...args] = l.trim().split(/\s+/);
    if (cmd === 'echo') o.write(args.join(' ') + '\n');
    if (cmd === 'exit') return Number(args[0] ?? 0);
  }
  return 0;
}
