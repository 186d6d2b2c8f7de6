import type { Theme } from '@contract/settings';

/** Element Plus dark mode keys off the `dark` class on <html> (with its css-vars stylesheet loaded). */
export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}
