import { api, unwrap } from './client';
import type { components } from './schema';

/** A period of the center's days: from inclusive, to exclusive (YYYY-MM-DD). */
interface Period {
  from: string;
  to: string;
}

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
