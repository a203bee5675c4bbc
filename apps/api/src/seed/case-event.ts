import type { CaseEventPayloads, CaseEventType } from '@ta/cases';
import type { EntityManager } from 'typeorm';

/** A case event as the API would have written it at `at`: typed like every event (libs/cases case-events.ts). */
export async function seedEvent<T extends CaseEventType>(
  manager: EntityManager,
  caseId: string,
  actorId: string | null,
  type: T,
  data: CaseEventPayloads[T],
  at: Date,
): Promise<void> {
  await manager.query(`INSERT INTO case_events (case_id, actor_id, type, data, created_at) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    actorId,
    type,
    JSON.stringify(data),
    at,
  ]);
}
