import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Period } from './period';

export type Summary = components['schemas']['SummaryDto'];
export type Breakdown = components['schemas']['BreakdownRowDto'];
export type CaseloadRow = components['schemas']['CaseloadRowDto'];

export const summaryQuery = (period: Period) => ({
  queryKey: ['dashboard', 'summary', period],
  queryFn: () => unwrap(api.GET('/api/v1/dashboard/summary', { params: { query: period } })),
});

export const caseloadQuery = {
  queryKey: ['dashboard', 'caseload'],
  queryFn: () => unwrap(api.GET('/api/v1/dashboard/caseload')),
};
