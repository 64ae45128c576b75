/**
 * The logging surface the SDK needs: pino's method shape (`info(obj, msg)` or `info(msg)`), so the
 * server can pass its pino logger as it is and tests can pass a silent one.
 */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child?(bindings: Record<string, unknown>): Logger;
}

const noop = () => {};

type Level = "debug" | "info" | "warn" | "error";

// pino treats extra arguments as format values: pass `msg` only when there is one.
function forward(target: Logger, level: Level, obj: object | string, msg: string | undefined) {
  if (msg === undefined) target[level](obj);
  else target[level](obj, msg);
}

/** A logger that drops everything (tests, benches). */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

/** `base.child(bindings)` when the logger has children, else the logger itself. */
export function childLogger(base: Logger, bindings: Record<string, unknown>): Logger {
  return base.child ? base.child(bindings) : base;
}

/**
 * A request's logger. Making a pino child costs more than the rest of a cheap request, and most
 * requests never log, so the child carrying the request id is made on the first call.
 */
export class RequestLogger implements Logger {
  readonly requestId: string;
  #base: Logger;
  #child: Logger | undefined;

  constructor(base: Logger, requestId: string) {
    this.#base = base;
    this.requestId = requestId;
  }

  #target(): Logger {
    this.#child ??= childLogger(this.#base, { requestId: this.requestId });
    return this.#child;
  }

  debug(obj: object | string, msg?: string) {
    forward(this.#target(), "debug", obj, msg);
  }
  info(obj: object | string, msg?: string) {
    forward(this.#target(), "info", obj, msg);
  }
  warn(obj: object | string, msg?: string) {
    forward(this.#target(), "warn", obj, msg);
  }
  error(obj: object | string, msg?: string) {
    forward(this.#target(), "error", obj, msg);
  }
  child(bindings: Record<string, unknown>): Logger {
    return childLogger(this.#target(), bindings);
  }
}
