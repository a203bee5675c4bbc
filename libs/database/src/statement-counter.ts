import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';

/**
 * Counts the SQL round trips (statements, BEGIN and COMMIT included) made while handling one request, so tests and
 * the bench can pin how many statements a hot endpoint costs (ARCHITECTURE §Where SQL lives). Only switched on by
 * COUNT_SQL_STATEMENTS: the API then wraps each request in a counting context and answers with `x-sql-statements`.
 */
const current = new AsyncLocalStorage<{ statements: number }>();

export const statementCounter = {
  /** Runs `handle` (a whole request) with a fresh count. */
  run<T>(handle: () => T): T {
    return current.run({ statements: 0 }, handle);
  },
  /** Counts one statement sent without TypeORM's query runner (readModel). */
  add(): void {
    const store = current.getStore();
    if (store) store.statements += 1;
  },
  /** The count so far in this request's context, or undefined outside one. */
  count(): number | undefined {
    return current.getStore()?.statements;
  },
};

/** A TypeORM logger that logs nothing and counts every statement it is shown. */
export class StatementCountingLogger extends AbstractLogger {
  override logQuery(): void {
    statementCounter.add();
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Counting only: query logging, if wanted, is pino's job.
  }
}
