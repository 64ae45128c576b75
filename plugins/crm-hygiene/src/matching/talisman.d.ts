// talisman ships no types; these are the two functions the matcher uses.
declare module "talisman/metrics/jaro-winkler.js" {
  /** Jaro-Winkler similarity in 0..1. */
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}
