/**
 * Marks what `definePlugin` returned. `Symbol.for` keeps the mark equal across copies of the SDK, so a
 * plugin installed with its own copy is still recognised.
 */
export const PLUGIN_BRAND: unique symbol = Symbol.for("opsdeck.plugin-definition") as never;
