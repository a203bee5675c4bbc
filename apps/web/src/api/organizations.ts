import type { components, operations } from './schema';
import { api, unwrap } from './client';

type S = components['schemas'];
export type Organization = S['OrganizationDto'];
export type Contact = S['ContactDto'];
export type CreateOrganizationBody = S['CreateOrganizationDto'];
export type OrganizationListQuery = NonNullable<operations['OrganizationsController_list']['parameters']['query']>;

/** What POST /organizations answers with 409: organizations whose normalized name matches. */
export interface DuplicateOrganization {
  id: string;
  name: string;
  region: string;
  county: string;
}

export const organizationsQuery = (query: OrganizationListQuery) => ({
  queryKey: ['organizations', 'list', query],
  queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query } })),
});

export const organizationQuery = (id: string) => ({
  queryKey: ['organizations', 'one', id],
  queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
});

export const contactsQuery = (organizationId: string) => ({
  queryKey: ['organizations', 'contacts', organizationId],
  queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}/contacts', { params: { path: { id: organizationId } } })),
});
