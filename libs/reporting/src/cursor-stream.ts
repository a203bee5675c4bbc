import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';

/** The slice of pg's client the cursor needs. */
interface PgClient {
  query(config: { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{ rows: unknown[][] }>;
}

/**
 * Streams a query's rows through a server-side cursor (DECLARE … / FETCH n in a read-only transaction) on a
 * connection of its own from the TypeORM pool, so memory holds one batch whatever the size of the result.
 *
 * The cursor is declared and its first batch fetched before this resolves: a failing query is an ordinary error
 * (a JSON 500), not a truncated download. The returned object-mode stream yields one chunk per FETCH: an array of
 * rows, each an array of column values (batches keep the per-row cost of the stream machinery out of the loop).
 * The connection goes back to the pool when the stream ends, fails or is destroyed (the client went away).
 */
export async function cursorStream(dataSource: DataSource, sql: string, values: unknown[], batchSize = 1000): Promise<Readable> {
  const runner = dataSource.createQueryRunner('slave');
  const client = (await runner.connect()) as PgClient;
  let open = false;
  let finished: Promise<void> | undefined;
  // Once only, whoever comes first: the end of the rows, a failure, or the stream closing early.
  const finish = (commit: boolean): Promise<void> =>
    (finished ??= (async () => {
      try {
        if (open) await client.query({ text: commit ? 'COMMIT' : 'ROLLBACK' });
      } finally {
        open = false;
        await runner.release();
      }
    })());
  const fetch = () => client.query({ text: `FETCH ${batchSize} FROM report_cursor`, rowMode: 'array' });

  let first: unknown[][];
  try {
    await client.query({ text: 'BEGIN READ ONLY' });
    open = true;
    // Every row is read, so plan for the whole result (a cursor's default favours the first 10%), with room to sort it.
    await client.query({ text: `SET LOCAL cursor_tuple_fraction = 1.0` });
    await client.query({ text: `SET LOCAL work_mem = '64MB'` });
    await client.query({ text: `DECLARE report_cursor NO SCROLL CURSOR FOR ${sql}`, values });
    first = (await fetch()).rows;
  } catch (error) {
    await finish(false).catch(() => undefined);
    throw error;
  }

  async function* batches(): AsyncGenerator<unknown[][]> {
    let done = false;
    try {
      let batch = first;
      for (;;) {
        if (batch.length) yield batch;
        if (batch.length < batchSize) break;
        batch = (await fetch()).rows;
      }
      done = true;
    } finally {
      await finish(done);
    }
  }
  // At most one batch read ahead: the consumer's back-pressure reaches the FETCH loop.
  const stream = Readable.from(batches(), { objectMode: true, highWaterMark: 1 });
  // Destroyed before the generator ran (its finally would never run): give the connection back here.
  stream.once('close', () => void finish(false).catch(() => undefined));
  return stream;
}
