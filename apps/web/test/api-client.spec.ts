import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../../test/support/processes.js';

describe('the web app’s API types and labels', () => {
  it('match the API’s current OpenAPI document and the server’s label tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadesk-schema-'));
    try {
      // Asynchronous, with a time limit: a generator that never exits must fail this test, not freeze the run.
      await promisify(execFile)(process.execPath, [`${repoRoot}scripts/api-client.mjs`, dir], {
        cwd: repoRoot,
        timeout: 60000,
      });
      for (const file of ['schema.d.ts', 'labels.generated.ts']) {
        const current = readFileSync(join(dir, file), 'utf8');
        const committed = readFileSync(`${repoRoot}apps/web/src/api/${file}`, 'utf8');
        if (current !== committed) throw new Error(`apps/web/src/api/${file} is stale: run \`npm run api:client\` and commit it`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
