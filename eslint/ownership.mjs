// @ts-check
/**
 * One owner per table (docs/ARCHITECTURE.md §Ownership), enforced by lint:
 *
 * - `ownership/lib-boundaries`: a file reaches another lib only through `@ta/<lib>` (its index.ts): no deep path
 *   (`@ta/x/src/…`), no relative path into another lib, and never another lib's `*.entity` file.
 * - `ownership/tables`: a table name in an SQL string (after FROM, JOIN, INTO, UPDATE, TABLE, REFERENCES, TRUNCATE)
 *   must belong to the file's own lib. Read models (`*.read-model.sql.ts`) and sweeps (`*.sweep.sql.ts`) may read
 *   any table, but write (INSERT INTO, UPDATE, DELETE FROM) only their own lib's: other owners' rows are written
 *   through the SQL helpers those owners export. In migrations, every CREATE TABLE must have an owner.
 *
 * The table → owner map is read from the ownership table in docs/ARCHITECTURE.md, so the doc and the rule cannot
 * disagree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @returns {Map<string, string>} table → owner lib */
export function tableOwners(markdown = readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8')) {
  // The table right after the marker comment in §Ownership; the doc's other tables are not read.
  const marker = markdown.indexOf('<!-- The lint rule ownership/tables');
  if (marker < 0) throw new Error('docs/ARCHITECTURE.md has lost the ownership table marker');
  const lines = markdown.slice(marker).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  /** @type {Map<string, string>} */
  const owners = new Map();
  for (const line of table) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    // | lib | `table`, `table` | notes |
    if (!/^[a-z-]+$/.test(cells[1] ?? '')) continue;
    for (const [, name] of (cells[2] ?? '').matchAll(/`([a-z_][a-z0-9_]*)`/g)) {
      if (owners.has(name)) throw new Error(`docs/ARCHITECTURE.md gives table ${name} two owners`);
      owners.set(name, /** @type {string} */ (cells[1]));
    }
  }
  if (owners.size === 0) throw new Error('docs/ARCHITECTURE.md §Ownership lists no tables');
  return owners;
}

/** The lib a file belongs to (libs/<lib>/…), or null for apps, migrations, tests and scripts. */
function libOf(file) {
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  return /^libs\/([^/]+)\//.exec(relative)?.[1] ?? null;
}

const relativeOf = (file) => path.relative(ROOT, file).split(path.sep).join('/');

/** @type {import('eslint').Rule.RuleModule} */
const libBoundaries = {
  meta: { type: 'problem', schema: [], messages: { cross: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const own = libOf(file);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const deep = /^@ta\/([^/]+)\/./.exec(source);
      if (deep) {
        context.report({ node, messageId: 'cross', data: { why: `import @ta/${deep[1]} through its index.ts, not ${source}` } });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = libOf(path.resolve(path.dirname(file), source));
      if (target === null || target === own) return;
      const why = /\.entity(\.js)?$/.test(source)
        ? `${source} is an entity of @ta/${target}: ask its service or read through a named read model (docs/ARCHITECTURE.md §Ownership)`
        : `import another lib as @ta/${target}, not by a relative path`;
      context.report({ node, messageId: 'cross', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const TABLE_REF =
  /\b(FROM|JOIN|INTO|UPDATE|TABLE(?:\s+IF\s+NOT\s+EXISTS)?|REFERENCES|TRUNCATE)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;
const WRITES = /^(INTO|UPDATE|TRUNCATE)$/i;

/** @type {import('eslint').Rule.RuleModule} */
const tables = {
  meta: { type: 'problem', schema: [], messages: { foreign: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const relative = relativeOf(file);
    const owners = tableOwners();
    const own = libOf(file);
    const isMigration = relative.startsWith('migrations/');
    const isReadModel = /\.(read-model|sweep)\.sql\.ts$/.test(relative);
    const inspect = (node, text) => {
      for (const match of text.matchAll(TABLE_REF)) {
        const keyword = /** @type {string} */ (match[1]).toUpperCase();
        const table = /** @type {string} */ (match[2]);
        const owner = owners.get(table);
        if (isMigration) {
          if (keyword.startsWith('TABLE') && !owner && /CREATE\s+(UNLOGGED\s+)?TABLE/i.test(text))
            context.report({
              node,
              messageId: 'foreign',
              data: { why: `table ${table} has no owner: add it to the ownership table in docs/ARCHITECTURE.md` },
            });
          continue;
        }
        if (!owner || owner === own) continue;
        // DELETE FROM is a write too.
        const writes = WRITES.test(keyword) || (keyword === 'FROM' && /DELETE\s*$/i.test(text.slice(0, match.index)));
        if (isReadModel && !writes) continue;
        const why = isReadModel
          ? `${table} belongs to @ta/${owner}: write its rows through the SQL helper @ta/${owner} exports`
          : `${table} belongs to @ta/${owner}: call its service, or read it in a *.read-model.sql.ts (docs/ARCHITECTURE.md §Ownership)`;
        context.report({ node, messageId: 'foreign', data: { why } });
      }
    };
    return {
      Literal: (node) => typeof node.value === 'string' && inspect(node, node.value),
      TemplateLiteral: (node) => inspect(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ${} ')),
    };
  },
};

export default { rules: { 'lib-boundaries': libBoundaries, tables } };
