import { Injectable } from '@nestjs/common';
import { fieldError } from '@ta/common';
import { CasesService, type AssignDto, type CaseDto, type LockedCase, type SettledOpenWork, type TransitionDto } from '@ta/cases';
import type { AuthenticatedUser } from '@ta/users';
import type { EntityManager } from 'typeorm';
import { CANCEL_OPEN_WORK, COUNT_OPEN_WORK, HAND_OVER_OPEN_WORK, type OpenWorkCountsRow } from './open-work.sql.js';

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

interface OpenWork {
  followUps: number;
  actionItems: number;
}

const countsOf = (row: OpenWorkCountsRow): OpenWork => ({ followUps: row.follow_ups, actionItems: row.action_items });
const any = (work: OpenWork) => work.followUps + work.actionItems > 0;

function describe(work: OpenWork): string {
  const part = (n: number, what: string) => `${n} open ${what}${n === 1 ? '' : 's'}`;
  return [work.followUps && part(work.followUps, 'follow-up'), work.actionItems && part(work.actionItems, 'action item')]
    .filter(Boolean)
    .join(' and ');
}

/**
 * Picking up, handing over and finishing a case, with the follow-ups and action items that go with it: the case's
 * own rules live in CasesService; what happens to the open work (owned here) runs in the same transaction.
 */
@Injectable()
export class CaseworkService {
  constructor(private readonly cases: CasesService) {}

  claim(caseId: string, actor: Actor): Promise<CaseDto> {
    return this.cases.claim(caseId, actor);
  }

  /** Open work moves with the case unless `moveOpenWork: false`; the `assigned` event says how much moved. */
  assign(caseId: string, dto: AssignDto, actor: Actor): Promise<CaseDto> {
    if (dto.moveOpenWork === false) return this.cases.assign(caseId, dto, actor);
    return this.cases.assign(caseId, dto, actor, async (manager, locked, from) => {
      if (from === null) return {};
      const [row] = (await manager.query(HAND_OVER_OPEN_WORK, [locked.id, from, dto.consultantId])) as [OpenWorkCountsRow];
      const moved = countsOf(row);
      return any(moved) ? { moved } : {};
    });
  }

  /**
   * Resolving with open work asks what to do with it (`openWork: cancel | keep`); closing cancels it. The transition
   * event records what was cancelled or kept.
   */
  transition(caseId: string, dto: TransitionDto, actor: Actor): Promise<CaseDto> {
    if (dto.to !== 'resolved' && dto.to !== 'closed') return this.cases.transition(caseId, dto, actor);
    return this.cases.transition(caseId, dto, actor, (manager, locked) => this.settleOpenWork(manager, locked, dto));
  }

  private async settleOpenWork(manager: EntityManager, locked: LockedCase, dto: TransitionDto): Promise<SettledOpenWork> {
    const choice = dto.to === 'closed' ? 'cancel' : dto.openWork;
    if (choice === 'cancel') {
      const [row] = (await manager.query(CANCEL_OPEN_WORK, [locked.id])) as [OpenWorkCountsRow];
      const cancelled = countsOf(row);
      return any(cancelled) ? { openWork: 'cancelled', ...cancelled } : {};
    }
    const [row] = (await manager.query(COUNT_OPEN_WORK, [locked.id])) as [OpenWorkCountsRow];
    const open = countsOf(row);
    if (!any(open)) return {};
    if (!choice) throw fieldError('openWork', `this case has ${describe(open)}: say whether to cancel or keep them`);
    return { openWork: 'kept', ...open };
  }
}
