// Light and dark themes: the system's choice until the user picks one, remembered locally.
export type Theme = "light" | "dark";
const KEY = "candor.theme";

function initialTheme(): Theme {
  const saved = localStorage.getItem(KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

class ThemeChoice {
  current = $state<Theme>("light");

  /** Applies the remembered or system theme; call once at startup. */
  init() {
    this.apply(initialTheme());
  }

  toggle() {
    this.apply(this.current === "dark" ? "light" : "dark");
    localStorage.setItem(KEY, this.current);
  }

  private apply(theme: Theme) {
    this.current = theme;
    document.documentElement.dataset.theme = theme;
  }
}

export const theme = new ThemeChoice();
