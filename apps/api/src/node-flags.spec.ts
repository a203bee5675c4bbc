import { readFileSync } from 'node:fs';
import { API_NODE_FLAGS } from './node-flags.js';

describe('API_NODE_FLAGS', () => {
  it('are the flags `npm run start:api` gives node', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:api']).toBe(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js'].join(' '));
  });
});
