import pg from 'pg';

/** What a filter can put into a statement: the kinds of value the case filters bind. */
export type SqlValue = string | number | boolean | Date | readonly string[] | null;

/**
 * A value written into SQL text as a literal, for the one statement that takes no bind parameters: `COPY (SELECT …)
 * TO STDOUT` (the CSV exports, docs/ARCHITECTURE.md §Where SQL lives). Everywhere else values are bound ($1, $2, …).
 *
 * The literal is what pg would have sent as the parameter: the value's text (a Date as an ISO instant, an array as
 * `{"a","b"}` with `"` and `\` escaped), quoted by pg's escapeLiteral (quotes doubled; with a backslash, an E'' string
 * with backslashes doubled), and untyped, so Postgres types it from where it stands exactly as it types an unknown
 * parameter (`c.opened_at >= '…'` is a timestamptz, `c.status = ANY('{…}')` a text array). A NUL cannot be written
 * in a query's text (the protocol ends the string there), nor a number that is not finite: both throw, and so does an
 * invalid Date. The API refuses NULs in any input before this is reached (apps/api/src/http/hostile-input.ts).
 */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('sqlLiteral: invalid Date');
    return `'${value.toISOString()}'`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`sqlLiteral: ${value} is not a finite number`);
    return `'${String(value)}'`;
  }
  if (typeof value === 'boolean') return value ? "'true'" : "'false'";
  const text = typeof value === 'string' ? value : `{${value.map(arrayElement).join(',')}}`;
  if (text.includes('\0')) throw new TypeError('sqlLiteral: a NUL cannot be written into SQL text');
  return pg.escapeLiteral(text);
}

/** One element of an array literal: always double-quoted, so NULL, commas, braces and spaces stay text. */
const arrayElement = (element: string): string => `"${element.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
