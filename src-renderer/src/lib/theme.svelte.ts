// Dark or light, remembered across sessions; the document carries it as data-theme for the CSS.
export type Theme = 'dark' | 'light';
const KEY = 'pinsim.theme';

export class ThemeStore {
  theme = $state<Theme>('dark');

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()) {
    const saved = this.storage?.getItem(KEY);
    this.theme = saved === 'light' || saved === 'dark' ? saved : 'dark';
    this.apply();
  }

  toggle(): void {
    this.set(this.theme === 'dark' ? 'light' : 'dark');
  }

  set(theme: Theme): void {
    this.theme = theme;
    this.storage?.setItem(KEY, theme);
    this.apply();
  }

  private apply(): void {
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.theme;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
