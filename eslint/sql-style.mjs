// @ts-check
/**
 * One SQL style (docs/ARCHITECTURE.md §Where SQL lives), enforced by lint:
 *
 * - `sql-style/no-inline-sql`: the SQL passed to `.query(sql, …)` or `readModel(dataSource, sql, …)` is a constant
 *   exported by the owner's `*.sql.ts` (with its typed row interface), never a string written at the call. A string
 *   literal, any template literal (even one that is only `${CONSTANT}`: a statement put together at the call is still
 *   ad-hoc), a concatenation or a conditional with such a part are reported. `*.sql.ts` files themselves may run
 *   literals (their helpers); which other files are checked is set in eslint.config.js.
 */

const WHERE = 'docs/ARCHITECTURE.md §Where SQL lives';

/**
 * Whether the expression is SQL written at the call rather than a named statement.
 * @param {any} node
 * @returns {boolean}
 */
function isInline(node) {
  switch (node?.type) {
    case 'Literal':
      return typeof node.value === 'string';
    case 'TemplateLiteral':
      return true;
    case 'BinaryExpression':
      return node.operator === '+' && (isInline(node.left) || isInline(node.right));
    case 'ConditionalExpression':
      return isInline(node.consequent) || isInline(node.alternate);
    case 'LogicalExpression':
      return isInline(node.left) || isInline(node.right);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return isInline(node.expression);
    default:
      return false;
  }
}

/**
 * The SQL argument of a call, or undefined when the call runs no SQL: `x.query(sql, …)`, `readModel(ds, sql, …)`.
 * @param {any} callee
 * @param {any[]} args
 */
function sqlArgument(callee, args) {
  const name =
    callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : callee.type === 'Identifier' ? callee.name : undefined;
  if (name === 'query' && callee.type === 'MemberExpression') return args[0];
  if (name === 'readModel') return args[1];
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const noInlineSql = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      inline:
        '{{call}}() is given SQL written at the call: export the statement from the owner’s *.sql.ts with a row interface and pass that constant ({{where}})',
    },
  },
  create(context) {
    if (/\.sql\.ts$/.test(context.filename)) return {};
    return {
      CallExpression(node) {
        const argument = sqlArgument(node.callee, node.arguments);
        if (!argument || !isInline(argument)) return;
        const call = node.callee.type === 'Identifier' ? node.callee.name : 'query';
        context.report({ node: argument, messageId: 'inline', data: { call, where: WHERE } });
      },
    };
  },
};

export default { rules: { 'no-inline-sql': noInlineSql } };
