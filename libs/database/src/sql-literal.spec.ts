import pg from 'pg';
import { sqlLiteral, type SqlValue } from './sql-literal.js';

/** Hostile text a filter could carry: quotes, backslashes, comments, placeholders, statement breaks, line breaks. */
const HOSTILE = [
  '',
  "'",
  "''",
  "\\'",
  "'; DROP TABLE cases; --",
  "x' OR '1'='1",
  '\\',
  '\\\\',
  "E'\\x00'",
  '$1',
  '$$; SELECT 1; $$',
  '$tag$',
  '"{a,b}"',
  '/* unterminated',
  '-- comment',
  'line\nbreak\r\n\ttab',
  'Ünïcødé ✓ 🎉',
  '{"a": [1, 2]}',
  'NULL',
  ' spaced ',
];

describe('sqlLiteral: values written into SQL text (COPY takes no bind parameters)', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(() => db.connect());
  afterAll(() => db.end());

  /** The value Postgres reads back from the literal, as `type`. */
  const roundTrip = async (value: SqlValue, type: string): Promise<unknown> =>
    (await db.query<{ v: unknown }>(`SELECT (${sqlLiteral(value)})::${type} AS v`)).rows[0]!.v;

  it('gives back every hostile string as it was, and nothing else runs', async () => {
    for (const text of HOSTILE) expect(await roundTrip(text, 'text')).toBe(text);
    // Each statement above returned one row of one column: a literal that broke out would have failed or run more.
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (VALUES ${HOSTILE.map((t) => `(${sqlLiteral(t)})`).join(', ')}) v(t)`,
    );
    expect(rows[0]!.n).toBe(HOSTILE.length);
  });

  it('writes arrays as text arrays, elements kept whole (commas, braces, quotes, NULL)', async () => {
    expect(await roundTrip(HOSTILE, 'text[]')).toEqual(HOSTILE);
    expect(await roundTrip([], 'text[]')).toEqual([]);
    expect(await roundTrip(['a,b', '{c}', 'NULL', '"d"'], 'text[]')).toEqual(['a,b', '{c}', 'NULL', '"d"']);
  });

  it('is typed by where it stands, as an unbound parameter is', async () => {
    const { rows } = await db.query<{ in_list: boolean; later: boolean; n: string }>(
      `SELECT 'on_hold'::varchar = ANY(${sqlLiteral(['active', 'on_hold'])}) AS in_list,
              now() > ${sqlLiteral(new Date('2020-01-01T05:00:00Z'))} AS later,
              ${sqlLiteral(7)} + 1 AS n`,
    );
    expect(rows[0]).toEqual({ in_list: true, later: true, n: 8 });
    expect(await roundTrip(new Date('2025-03-09T07:30:00.123Z'), 'timestamptz')).toEqual(new Date('2025-03-09T07:30:00.123Z'));
    expect(await roundTrip(true, 'boolean')).toBe(true);
    expect(await roundTrip(null, 'text')).toBeNull();
  });

  it('refuses what cannot be written into SQL text', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
    expect(() => sqlLiteral(['ok', '\0'])).toThrow(/NUL/);
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => sqlLiteral(new Date('not a date'))).toThrow(/invalid Date/);
  });
});
