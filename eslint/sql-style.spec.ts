import { fileURLToPath } from 'node:url';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import sqlStyle from './sql-style.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVICE = `${ROOT}libs/things/src/things.service.ts`;
const errors = (count = 1) => Array.from({ length: count }, () => ({ messageId: 'inline' }));

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('sql-style/no-inline-sql', sqlStyle.rules['no-inline-sql'], {
  valid: [
    { filename: SERVICE, code: 'await manager.query(LIST_THINGS, [id]);' },
    { filename: SERVICE, code: 'await readModel<ThingRow>(this.dataSource, THING_PAGE, [id]);' },
    { filename: SERVICE, code: 'await manager.query(lock ? THING_FOR_UPDATE : THING, [hash]);' },
    { filename: SERVICE, code: 'await manager.query(thingsSql(filters), parameters);' },
    // Not SQL: a property called query, a query builder's conditions.
    { filename: SERVICE, code: "const q = request.query; qb.where('a = :a', { a });" },
    // The owner's SQL file builds statements and may run them with literals.
    { filename: `${ROOT}libs/things/src/things.sql.ts`, code: "await manager.query('SELECT 1');" },
    { filename: `${ROOT}libs/things/src/things.read-model.sql.ts`, code: 'await readModel(ds, `SELECT ${COLUMNS} FROM things`, []);' },
  ],
  invalid: [
    { filename: SERVICE, code: "await manager.query('SELECT id FROM things WHERE id = $1', [id]);", errors: errors() },
    {
      filename: SERVICE,
      code: 'await this.dataSource.manager.query(`UPDATE things SET done = true WHERE id = $1`, [id]);',
      errors: errors(),
    },
    { filename: SERVICE, code: 'await readModel<ThingRow>(this.dataSource, `SELECT * FROM things`, []);', errors: errors() },
    // A template that is only a constant is still put together at the call: name it in the .sql.ts.
    { filename: SERVICE, code: 'await manager.query(`${LIST_THINGS}`, []);', errors: errors() },
    { filename: SERVICE, code: 'await manager.query(`${LIST_THINGS} ORDER BY t.name`, []);', errors: errors() },
    { filename: SERVICE, code: "await manager.query(THING + (lock ? ' FOR UPDATE' : ''), [hash]);", errors: errors() },
    { filename: SERVICE, code: "await manager.query(lock ? THING_FOR_UPDATE : 'SELECT 1', [hash]);", errors: errors() },
    { filename: SERVICE, code: "await manager.query('SELECT 1' as string);", errors: errors() },
    {
      filename: SERVICE,
      code: "await Promise.all([db.query('SELECT 1'), readModel(ds, 'SELECT 2', [])]);",
      errors: errors(2),
    },
  ],
});

describe('where eslint.config.js applies sql-style/no-inline-sql', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const severity = async (file: string) =>
    ((await eslint.calculateConfigForFile(`${ROOT}${file}`)) as { rules?: Record<string, unknown> }).rules?.['sql-style/no-inline-sql'];

  it.each([
    'libs/assessments/src/assessments.service.ts',
    'libs/mail/src/outbox.service.ts',
    'apps/api/src/main.ts',
    'apps/worker/src/main.ts',
  ])('checks %s', async (file) => {
    expect(await severity(file)).toEqual([2]);
  });

  it.each([
    'apps/api/src/seed/seed.ts',
    'apps/api/test/intake.e2e-spec.ts',
    'apps/worker/test/outbox.e2e-spec.ts',
    'libs/reporting/src/date-range.spec.ts',
    'migrations/1765800000000-CenterTimeZone.ts',
    'scripts/lib/services.mjs',
  ])('leaves %s alone', async (file) => {
    expect(await severity(file)).toBeUndefined();
  });
});
