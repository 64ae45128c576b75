// jsdom lacks a few browser APIs that Radix, cmdk, recharts and the virtualizer call.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// No layout in jsdom: nothing is ever resized (charts then render their frame only; recharts warns about 0×0).
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= ResizeObserverStub;

if (typeof window.matchMedia === "undefined") {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

const elementStubs: Record<string, (...args: unknown[]) => unknown> = {
  scrollIntoView: () => {},
  hasPointerCapture: () => false,
  releasePointerCapture: () => {},
  setPointerCapture: () => {},
};
const prototype = Element.prototype as unknown as Record<string, unknown>;
for (const [name, stub] of Object.entries(elementStubs)) {
  if (typeof prototype[name] !== "function") prototype[name] = stub;
}

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  document.documentElement.className = "";
});
