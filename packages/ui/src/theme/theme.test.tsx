import { act, render, renderHook, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { THEME_STORAGE_KEY, themeInitScript } from "./theme-store.ts";
import { ThemeToggle } from "./theme-toggle.tsx";
import { useTheme } from "./use-theme.ts";

function prefersDark(dark: boolean) {
  vi.spyOn(window, "matchMedia").mockImplementation(
    (query: string) =>
      ({
        matches: dark && query.includes("dark"),
        media: query,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList,
  );
}

afterEach(() => vi.restoreAllMocks());

describe("useTheme", () => {
  it("defaults to the system theme", () => {
    prefersDark(true);
    const { result } = renderHook(() => useTheme());
    expect(result.current.theme).toBe("system");
    expect(result.current.resolvedTheme).toBe("dark");
  });

  it("stores the choice, puts .dark on <html> and updates every user", () => {
    prefersDark(false);
    const first = renderHook(() => useTheme());
    const second = renderHook(() => useTheme());
    act(() => first.result.current.setTheme("dark"));
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");
    expect(document.documentElement).toHaveClass("dark");
    expect(second.result.current.resolvedTheme).toBe("dark");

    act(() => second.result.current.toggleTheme());
    expect(first.result.current.theme).toBe("light");
    expect(document.documentElement).not.toHaveClass("dark");
  });

  it("reads a stored preference", () => {
    prefersDark(true);
    window.localStorage.setItem(THEME_STORAGE_KEY, "light");
    const { result } = renderHook(() => useTheme());
    expect(result.current.resolvedTheme).toBe("light");
  });
});

describe("ThemeToggle", () => {
  it("offers light, dark and system from a menu", async () => {
    prefersDark(false);
    render(<ThemeToggle />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Theme: system" }));
    await user.click(await screen.findByRole("menuitem", { name: "Dark" }));
    expect(document.documentElement).toHaveClass("dark");
    expect(screen.getByRole("button", { name: "Theme: dark" })).toBeInTheDocument();
  });
});

describe("themeInitScript", () => {
  it("applies the stored theme before React loads", () => {
    prefersDark(false);
    window.localStorage.setItem(THEME_STORAGE_KEY, "dark");
    // The script ships as a string for index.html; running it is what this test is about.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function(themeInitScript)();
    expect(document.documentElement).toHaveClass("dark");
  });
});
