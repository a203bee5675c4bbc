/**
 * Node flags the API process is started with, by `npm run up`, the tests and the bench (and `npm run start:api`,
 * which a unit test keeps in step). V8 reads them only at process start, so they cannot be set from main.ts.
 *
 * --optimize-for-size: V8 keeps a small young generation and grows the old one slowly. Streaming the year's CSV
 * export otherwise promotes ~60 MB of short-lived rows that V8 collects late (RSS peaks of 190–275 MB); with it the API
 * stays flat at ~140 MB through the export, for ~15% less export throughput (bench/README.md).
 */
export const API_NODE_FLAGS: readonly string[] = ['--optimize-for-size'];
