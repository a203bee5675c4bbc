import { useQuery } from '@tanstack/react-query';
import { actionPlanQuery, caseFollowUpsQuery, type ActionItem, type FollowUp } from '../../api/engagement';
import { plural } from '../../components/plural';

export interface OpenWork {
  followUps: FollowUp[];
  actionItems: ActionItem[];
  /** Both lists loaded (until then counts are unknown). */
  known: boolean;
}

/** Follow-ups still to do (scheduled or missed). */
export function isOpenFollowUp(followUp: Pick<FollowUp, 'status'>): boolean {
  return followUp.status === 'scheduled' || followUp.status === 'missed';
}

/** Action items not done or cancelled. */
export function isOpenActionItem(item: Pick<ActionItem, 'status'>): boolean {
  return item.status !== 'done' && item.status !== 'cancelled';
}

/**
 * A case's open follow-ups and action items (the ones resolving asks about), or only those of one staff member
 * (what moves with a reassigned case: follow-ups assigned to them, items they own).
 */
export function useOpenWork(caseId: string, { enabled = true, ofUserId }: { enabled?: boolean; ofUserId?: string } = {}): OpenWork {
  const followUps = useQuery({ ...caseFollowUpsQuery(caseId), enabled });
  const plan = useQuery({ ...actionPlanQuery(caseId), enabled });
  return {
    followUps: (followUps.data ?? []).filter((f) => isOpenFollowUp(f) && (!ofUserId || f.assigneeId === ofUserId)),
    actionItems: (plan.data?.goals ?? [])
      .flatMap((goal) => goal.items)
      .filter((i) => isOpenActionItem(i) && (!ofUserId || (i.owner.type === 'user' && i.owner.id === ofUserId))),
    known: followUps.isSuccess && plan.isSuccess,
  };
}

/** "2 follow-ups and 1 action item" (only the kinds there are; "nothing" for none). */
export function workWords(followUps: number, actionItems: number, adjective = ''): string {
  const a = adjective ? `${adjective} ` : '';
  const parts = [followUps ? plural(followUps, `${a}follow-up`) : '', actionItems ? plural(actionItems, `${a}action item`) : ''].filter(
    Boolean,
  );
  return parts.length ? parts.join(' and ') : 'nothing';
}
