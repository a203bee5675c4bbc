import { useSearchParams } from 'react-router';
import type { CaseListQuery } from '../../api/cases';
import type { Me } from '../../api/client';
import {
  GOAL_AREA_LABELS,
  PRIORITY_LABELS,
  REGION_LABELS,
  STALL_LABELS,
  STATUS_LABELS,
  type CasePriority,
  type CaseStatus,
  type GoalArea,
  type Region,
  type StallLevel,
} from '../../api/labels';
import {
  isCalendarDay,
  isUuid,
  oneOf,
  positiveInteger,
  useResetInvalidParams,
  withoutInvalid,
  type ParamCheck,
} from '../../components/urlFilters';
import { startOfDayIn } from '../../components/centerTime';

export const PAGE_SIZE = 25;

/** The list's filters as they sit in the address bar (bookmarkable, shareable): every value a string. */
export interface CaseFilters {
  status: CaseStatus[];
  priority: CasePriority[];
  stallLevel: StallLevel[];
  /** `me`, `none`, `all` or a user id; a consultant without one in the URL sees their own cases. */
  assigneeId: string;
  organizationId: string;
  region: string;
  topic: string;
  goalArea: string;
  q: string;
  openedFrom: string;
  openedTo: string;
  /** Cases with a session held in these days (the dashboard's charts lead here). */
  sessionFrom: string;
  sessionTo: string;
  sort: NonNullable<CaseListQuery['sort']>;
  page: number;
}

const LISTS = ['status', 'priority', 'stallLevel'] as const;
const TEXTS = ['organizationId', 'region', 'topic', 'goalArea', 'q'] as const;

export const SORTS: CaseFilters['sort'][] = ['-lastActivityAt', 'lastActivityAt', '-openedAt', 'openedAt', '-priority', 'priority'];

/** What each filter parameter may hold: a value outside it (a stale bookmark) is reset with a notice. */
const CHECKS: Record<string, ParamCheck> = {
  status: { label: 'Status', valid: oneOf(Object.keys(STATUS_LABELS), true) },
  priority: { label: 'Priority', valid: oneOf(Object.keys(PRIORITY_LABELS), true) },
  stallLevel: { label: 'Stall level', valid: oneOf(Object.keys(STALL_LABELS), true) },
  assigneeId: { label: 'Assignee', valid: (value) => ['me', 'none', 'all'].includes(value) || isUuid(value) },
  organizationId: { label: 'Organization', valid: isUuid },
  region: { label: 'OMH region', valid: oneOf(Object.keys(REGION_LABELS)) },
  goalArea: { label: 'Goal area', valid: oneOf(Object.keys(GOAL_AREA_LABELS)) },
  topic: { label: 'Topic', valid: (value) => /^[a-z0-9_]{1,40}$/.test(value) },
  q: { label: 'Search', valid: (value) => value.length <= 200 },
  openedFrom: { label: 'Opened from', valid: isCalendarDay },
  openedTo: { label: 'Opened to', valid: isCalendarDay },
  sessionFrom: { label: 'Sessions from', valid: isCalendarDay },
  sessionTo: { label: 'Sessions to', valid: isCalendarDay },
  sort: { label: 'Sort', valid: oneOf(SORTS) },
  page: { label: 'Page', valid: positiveInteger },
};

export function defaultAssignee(me: Me): string {
  return me.role === 'consultant' ? 'me' : 'all';
}

export function useCaseFilters(me: Me) {
  const [address, setParams] = useSearchParams();
  const { reset, dismiss, bad } = useResetInvalidParams(address, setParams, CHECKS);
  // Read without the bad values, so they never reach the API while the address is being corrected.
  const params = withoutInvalid(address, bad);
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);

  const filters: CaseFilters = {
    status: list('status') as CaseStatus[],
    priority: list('priority') as CasePriority[],
    stallLevel: list('stallLevel') as StallLevel[],
    assigneeId: params.get('assigneeId') ?? defaultAssignee(me),
    organizationId: params.get('organizationId') ?? '',
    region: params.get('region') ?? '',
    topic: params.get('topic') ?? '',
    goalArea: params.get('goalArea') ?? '',
    q: params.get('q') ?? '',
    openedFrom: params.get('openedFrom') ?? '',
    openedTo: params.get('openedTo') ?? '',
    sessionFrom: params.get('sessionFrom') ?? '',
    sessionTo: params.get('sessionTo') ?? '',
    sort: (params.get('sort') as CaseFilters['sort'] | null) ?? '-lastActivityAt',
    page: Math.max(1, Number(params.get('page')) || 1),
  };

  /** Changes some filters; any change but the page's goes back to page 1. Empty values leave the URL. */
  function update(change: Partial<CaseFilters>): void {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
          // The role's default view needs no parameter; anything else (including "all" for a consultant) is kept.
          if (text === '' || (key === 'assigneeId' && text === defaultAssignee(me)) || (key === 'sort' && text === '-lastActivityAt'))
            next.delete(key);
          else next.set(key, text);
        }
        if (!('page' in change)) next.delete('page');
        if (change.page === 1) next.delete('page');
        return next;
      },
      { replace: 'q' in change },
    );
  }

  function clear(): void {
    setParams(new URLSearchParams());
  }

  return { filters, update, clear, hasFilters: [...params.keys()].some((key) => key !== 'page'), reset, dismissReset: dismiss };
}

/**
 * The API query for the filters: `all` means no assignee filter; the "to" dates are inclusive of their day. Dates are
 * the center's calendar days (`timeZone`), sent as the instants they begin, so the list counts what the dashboard does.
 */
export function toApiQuery(filters: CaseFilters, timeZone: string): CaseListQuery {
  const query: CaseListQuery = { page: filters.page, pageSize: PAGE_SIZE, sort: filters.sort };
  for (const key of LISTS) if (filters[key].length) Object.assign(query, { [key]: filters[key] });
  for (const key of TEXTS) if (filters[key]) Object.assign(query, { [key]: filters[key] });
  if (filters.goalArea) query.goalArea = filters.goalArea as GoalArea;
  if (filters.region) query.region = filters.region as Region;
  if (filters.assigneeId !== 'all') query.assigneeId = filters.assigneeId;
  if (filters.openedFrom) query.openedFrom = startOfDayIn(filters.openedFrom, timeZone);
  if (filters.openedTo) query.openedTo = startOfDayIn(filters.openedTo, timeZone, 1);
  if (filters.sessionFrom) query.sessionFrom = startOfDayIn(filters.sessionFrom, timeZone);
  if (filters.sessionTo) query.sessionTo = startOfDayIn(filters.sessionTo, timeZone, 1);
  return query;
}

/**
 * The CSV export of every case the filters match (GET /cases/export: the list's filters and sort, no paging), as a
 * link: the browser streams the attachment to disk, the session cookie being the credential. Excel gets a byte order mark.
 */
export function exportHref(filters: CaseFilters, timeZone: string): string {
  const { page: _page, pageSize: _pageSize, ...query } = toApiQuery(filters, timeZone);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  params.set('bom', 'true');
  return `/api/v1/cases/export?${params}`;
}
