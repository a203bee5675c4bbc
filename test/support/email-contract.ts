import { DEFAULT_CENTER } from '@ta/settings';
import { renderStoredEmail } from '@ta/mail';

/**
 * Renders outbox rows as the worker will (ARCHITECTURE §Contracts) and lists what a reader would see broken: a field
 * the SQL did not build ("undefined"), a null printed as text, an object printed whole.
 */
export function emailProblems(rows: Array<{ template: string; data: unknown }>): string[] {
  return rows.flatMap((row) => {
    const email = renderStoredEmail(row, DEFAULT_CENTER);
    const shown = `${email.subject}\n${email.text}\n${email.html}`;
    const broken = /undefined|\bnull\b|\[object |NaN/.exec(shown);
    return broken ? [`${row.template}: "${broken[0]}" in ${JSON.stringify(row.data)}`] : [];
  });
}
