import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../../test/support/processes.js';

describe('the web app’s API types', () => {
  it('match the API’s current OpenAPI document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadesk-schema-'));
    try {
      execFileSync(process.execPath, [`${repoRoot}scripts/api-client.mjs`, join(dir, 'schema.d.ts')], { cwd: repoRoot, stdio: 'pipe' });
      const current = readFileSync(join(dir, 'schema.d.ts'), 'utf8');
      const committed = readFileSync(`${repoRoot}apps/web/src/api/schema.d.ts`, 'utf8');
      if (current !== committed) throw new Error('apps/web/src/api/schema.d.ts is stale: run `npm run api:client` and commit it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
