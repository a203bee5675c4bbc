import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { statementCounter } from './statement-counter.js';

/**
 * One read-model statement (a `*.sql.ts` SELECT with its typed row) on the pool TypeORM holds, straight through pg:
 * no QueryRunner to create, connect, log and release around it. On the hot paths (the session check on every request,
 * the case list and page, the timeline) that wrapping was ~0.5 ms of CPU per request, a fifth of the API's
 * (bench/README.md "Case list"). Writes go through TypeORM, or sqlTransaction on the request form. Counted like
 * TypeORM's statements (COUNT_SQL_STATEMENTS).
 */
export async function readModel<Row>(dataSource: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  statementCounter.add();
  return (await pgPool(dataSource).query(text, values)).rows as Row[];
}

/** pg's pool under TypeORM's DataSource (its postgres driver's `master`): for what TypeORM does not do (readModel, COPY). */
export const pgPool = (dataSource: DataSource): Pool => (dataSource.driver as unknown as { master: Pool }).master;
