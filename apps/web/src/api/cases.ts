import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import type { operations, components } from './schema';
import { api, unwrap } from './client';
import { GOAL_AREA_LABELS } from './labels';

type S = components['schemas'];
export type Case = S['CaseDto'];
/** A timeline entry: a union discriminated by `type`, each with its own `data` (libs/cases/src/case-events.ts). */
export type CaseEvent = S['CaseEventListDto']['items'][number];
export type CaseEventType = CaseEvent['type'];
export type Topic = S['TopicDto'];
export type StaffMember = S['StaffMemberDto'];
export type CaseListQuery = NonNullable<operations['CasesController_list']['parameters']['query']>;
export type CreateCaseBody = S['CreateCaseDto'];
export type UpdateCaseBody = S['UpdateCaseDto'];

/** Topics and staff change rarely: loaded once per session, then kept for the page's life. */
const LONG = 10 * 60 * 1000;

export const topicsQuery = {
  queryKey: ['topics'],
  queryFn: () => unwrap(api.GET('/api/v1/topics')),
  staleTime: LONG,
};

/** Active staff (any signed-in user may list them): assignees, follow-up and action-item owners. */
export const staffQuery = {
  queryKey: ['staff'],
  queryFn: () => unwrap(api.GET('/api/v1/staff')),
  staleTime: LONG,
};

export const casesQuery = (query: CaseListQuery) => ({
  queryKey: ['cases', 'list', query],
  queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })),
});

export const caseQuery = (id: string) => ({
  queryKey: ['cases', 'one', id],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
});

export const TIMELINE_PAGE_SIZE = 50;

/** The timeline a page at a time, newest first; "Show older events" fetches the next page. */
export const timelineQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: ['cases', 'timeline', id],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/cases/{id}/timeline', { params: { path: { id }, query: { page: pageParam, pageSize: TIMELINE_PAGE_SIZE } } }),
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });

/** After any change on a case: the case, its timeline, the lists it shows in, its sessions, plan and follow-ups. */
export async function invalidateCase(queryClient: QueryClient, id: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['cases'] }),
    queryClient.invalidateQueries({ queryKey: ['engagement', id] }),
    queryClient.invalidateQueries({ queryKey: ['follow-ups'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

/** Topic labels by code; unknown codes (a topic retired since) show as their code. */
export function topicLabel(topics: Topic[] | undefined, code: string): string {
  return topics?.find((topic) => topic.code === code)?.label ?? code;
}

/** Topics as select data, grouped under their goal area (in the API's order). */
export function topicOptions(topics: Topic[] | undefined): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const topic of topics ?? []) {
    const group = GOAL_AREA_LABELS[topic.goalArea] ?? topic.goalArea;
    groups.set(group, [...(groups.get(group) ?? []), { value: topic.code, label: topic.label }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Staff who can be assigned a case (the API accepts active consultants and leads). */
export function assignableStaff(staff: StaffMember[] | undefined): StaffMember[] {
  return (staff ?? []).filter((member) => member.role === 'consultant' || member.role === 'lead');
}
