import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { BinaryCopyLines, copyLines } from './copy-lines.js';
import { copyLinesSql } from './reporting.read-model.sql.js';

const LINES = `SELECT x AS line FROM (VALUES ('a,"b"' || E'\\r\\n'), (NULL), (''), (E'multi\\nline, é ✓\\r\\n')) v(x)`;
const EXPECTED = 'a,"b"\r\nmulti\nline, é ✓\r\n';

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('COPY lines (the CSV exports)', () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  /** copyLines takes TypeORM's DataSource and uses the pg pool under it. */
  const dataSource = { driver: { master: pool } } as unknown as DataSource;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(() => db.connect());
  afterAll(async () => {
    await db.end();
    await pool.end();
  });

  /** The export's backend, while it runs: its state and what it waits on. */
  const exportBackend = async () =>
    (
      await db.query<{ pid: number; state: string; wait_event: string | null }>(
        `SELECT pid, state, wait_event FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT repeat%' AND pid <> pg_backend_pid()`,
      )
    ).rows[0];

  it('strips the binary framing, however the chunks split it', async () => {
    const client = await pool.connect();
    let raw: Buffer;
    try {
      raw = await readAll(client.query(copyTo(copyLinesSql(LINES))));
    } finally {
      client.release();
    }
    for (const size of [1, 2, 3, 5, 7, 19, 64, raw.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < raw.length; i += size) chunks.push(Buffer.from(raw.subarray(i, i + size)));
      const out = await readAll(Readable.from(chunks).pipe(new BinaryCopyLines(Buffer.from('H\r\n'))));
      expect(out.toString('utf8')).toBe(`H\r\n${EXPECTED}`);
    }
  });

  it('streams the lines after the prefix and gives the connection back to the pool, out of any transaction', async () => {
    const out = await readAll(await copyLines(dataSource, LINES, '\ufeffHeader\r\n'));
    expect(out.toString('utf8')).toBe(`\ufeffHeader\r\n${EXPECTED}`);
    await sleep(50);
    expect(pool.idleCount).toBe(pool.totalCount);
    const client = await pool.connect();
    try {
      expect((await client.query<{ s: string }>(`SELECT current_setting('work_mem') AS s`)).rows[0]!.s).not.toBe('64MB');
      expect((await client.query(`SELECT 1 AS one`)).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
  });

  it('fails before the first byte when the query fails, and releases the connection', async () => {
    await expect(copyLines(dataSource, `SELECT 1/0 AS line`, 'H\r\n')).rejects.toThrow(/division by zero/);
    await expect(copyLines(dataSource, `SELECT nope AS line FROM pg_class`, 'H\r\n')).rejects.toThrow(/nope/);
    await sleep(50);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('lets a slow reader hold Postgres back, and a reader that goes away ends the COPY and frees its connection', async () => {
    // ~60 MB of lines: far more than the socket and the stream buffers hold.
    const stream = await copyLines(dataSource, `SELECT repeat('x', 598) || E'\\r\\n' AS line FROM generate_series(1, 100000)`, 'H\r\n');
    let received = 0;
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > 1_000_000) stream.pause();
    });
    await sleep(1500);
    const received1 = received;
    // Paused: nothing more arrives, and the backend waits on its socket (ClientWrite) instead of sending the rest.
    await sleep(500);
    expect(received).toBe(received1);
    expect(received).toBeLessThan(10_000_000);
    const blocked = await exportBackend();
    expect(blocked).toMatchObject({ state: 'active', wait_event: 'ClientWrite' });

    stream.destroy();
    for (let i = 0; i < 50 && (await exportBackend()); i++) await sleep(100);
    expect(await exportBackend()).toBeUndefined();
    // The connection was closed, not handed back mid-COPY: whatever the pool has left is idle and answers.
    expect(pool.idleCount).toBe(pool.totalCount);
    const client = await pool.connect();
    try {
      expect((await client.query(`SELECT 1 AS one`)).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
  });
});
