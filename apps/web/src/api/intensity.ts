import { api, unwrap } from './client';
import type { components } from './schema';

export type IntensityInfo = components['schemas']['IntensityDto'];

/** Under ['cases', …] so that a case change (an edit, a session, a confirm) refreshes it with the case. */
export const caseIntensityQuery = (caseId: string) => ({
  queryKey: ['cases', caseId, 'intensity'],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/intensity', { params: { path: { id: caseId } } })),
});

export const intensitySuggestionsQuery = {
  queryKey: ['cases', 'intensity-suggestions'],
  queryFn: () => unwrap(api.GET('/api/v1/cases/intensity-suggestions')),
};

export const confirmIntensities = (caseIds: string[]) => unwrap(api.POST('/api/v1/cases/intensity/confirm', { body: { caseIds } }));
