import "../src/runtime/bench/runtime.bench.ts";
