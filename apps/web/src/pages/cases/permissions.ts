import type { Case } from '../../api/cases';
import type { Me } from '../../api/client';

/** The API's rule: a case is changed by its assigned consultant, a lead or an admin (others get a 403). */
export function canEditCase(item: Pick<Case, 'assignee'>, me: Me): boolean {
  return me.role !== 'consultant' || item.assignee?.id === me.id;
}

/** Only leads and admins assign cases (POST /cases/:id/assign). */
export function canAssign(me: Me): boolean {
  return me.role === 'lead' || me.role === 'admin';
}

/** A logged session is edited or deleted by its author, a lead or an admin. */
export function canEditSession(consultantId: string, me: Me): boolean {
  return me.role !== 'consultant' || consultantId === me.id;
}

/** Nobody has this request yet: a consultant or lead may take it (POST /cases/:id/claim). */
export function canClaim(item: Pick<Case, 'assignee' | 'status'>, me: Me): boolean {
  return (me.role === 'consultant' || me.role === 'lead') && !item.assignee && (item.status === 'new' || item.status === 'triaged');
}
