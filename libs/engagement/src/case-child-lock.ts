import { NotFoundException } from '@nestjs/common';
import type { CasesService, LockedCase } from '@ta/cases';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/**
 * Locks a row that belongs to a case (a session, an action item, a follow-up) for a change: the case row first, then
 * the row, the order of every casework write (a plan PUT locks the case, then deletes items), so two writers on one
 * case queue instead of deadlocking. The row is read again under the locks, as it may be gone by then: a 404.
 */
export async function lockCaseChild<T extends { id: string; caseId: string }>(
  manager: EntityManager,
  cases: CasesService,
  entity: EntityTarget<T>,
  id: string,
  notFound: string,
): Promise<{ row: T; caseRow: LockedCase }> {
  const where = { id } as FindOptionsWhere<T>;
  const unlocked = await manager.findOneBy(entity, where);
  if (!unlocked) throw new NotFoundException(notFound);
  const caseRow = await cases.lock(manager, unlocked.caseId);
  const row = await manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFoundException(notFound);
  return { row, caseRow };
}
