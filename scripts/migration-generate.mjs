// `npm run migration:generate -- <Name>`: diffs the compiled entities against the database (DATABASE_URL)
// and writes migrations/<timestamp>-<Name>.ts for review. Add the class to migrations/index.ts after reviewing it.
import { run } from './lib/services.mjs';

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
run(
  process.execPath,
  [
    `${root}node_modules/typeorm/cli.js`,
    'migration:generate',
    '-d',
    `${root}dist/libs/database/src/data-source.js`,
    '--pretty',
    `${root}migrations/${name}`,
  ],
  { cwd: root },
);
