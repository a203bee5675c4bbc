export { dataSourceOptions } from './data-source-options.js';
export { DatabaseModule } from './database.module.js';
export { statementCounter, StatementCountingLogger } from './statement-counter.js';
export { pgPool, readModel } from './read-model.js';
export { sqlLiteral, type SqlValue } from './sql-literal.js';
export { sqlTransaction, type SqlRunner } from './sql-transaction.js';
