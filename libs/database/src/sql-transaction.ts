import type { DataSource } from 'typeorm';
import { pgPool } from './read-model.js';
import { statementCounter } from './statement-counter.js';
import { BEGIN, COMMIT, ROLLBACK } from './transaction.sql.js';

/**
 * What an owner's command needs to run its `*.sql.ts` statements inside the caller's transaction: rows back for a
 * statement that returns rows. TypeORM's EntityManager is one (most transactions); sqlTransaction's runner is another.
 */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Runs `work` in one transaction on a connection of the pool TypeORM holds, straight through pg: for a hot write path
 * made only of `*.sql.ts` statements (the public request form), where TypeORM's QueryRunner around each statement
 * (create, connect, log, broadcast, release) was ~0.3 ms of the request's CPU (bench/README.md "Request form").
 * BEGIN and COMMIT are counted like every statement (COUNT_SQL_STATEMENTS). On any error the transaction is rolled
 * back and the error rethrown; a connection whose ROLLBACK fails is discarded, not returned to the pool.
 */
export async function sqlTransaction<T>(dataSource: DataSource, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const client = await pgPool(dataSource).connect();
  const sql: SqlRunner = {
    async query(text, values) {
      statementCounter.add();
      return (await client.query(text, values)).rows;
    },
  };
  let broken: Error | undefined;
  try {
    await sql.query(BEGIN);
    const result = await work(sql);
    await sql.query(COMMIT);
    return result;
  } catch (error) {
    await sql.query(ROLLBACK).catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
