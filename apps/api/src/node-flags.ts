/**
 * Node flags the API process is started with, by `npm run up`, the tests and the benches (and `npm run start:api`,
 * which a unit test keeps in step). V8 reads them only at process start, so they cannot be set from main.ts.
 *
 * None today. `--optimize-for-size` was here for the year's CSV export; it shrank V8's young generation, which cost
 * ~30% of requests/s and 1.4–2× CPU per request on the hot paths (issue #12). A narrower cap,
 * `--max-semi-space-size=8` or `=16`, was measured too (bench/README.md "Memory"): it does not keep every export's
 * growth under 50 MB and `=8` costs the case list ~15% more CPU per request, so the API runs with Node's defaults and
 * the export's memory is left to the export itself; the list stays the one place to add a flag.
 */
export const API_NODE_FLAGS: readonly string[] = [];
