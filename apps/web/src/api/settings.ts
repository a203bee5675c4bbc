import { api, unwrap } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type PublicCenter = S['PublicCenterDto'];
export type CenterSettings = S['CenterSettingsDto'];
export type CenterSettingsBody = S['UpdateCenterSettingsDto'];

/** Until the center's settings arrive (or when they cannot): neutral words, as the API's own defaults. */
export const NEUTRAL_CENTER: PublicCenter = {
  shortName: 'TA Desk',
  name: 'Technical Assistance Center',
  phone: null,
  about: null,
  logoUrl: null,
  // CENTER_TIME_ZONE's default, until the page or the API says the center's own.
  timeZone: 'America/New_York',
};

/** The center's public face (name, phone, public text, logo URL): anyone may read it; every key starts with 'center'. */
export const centerQuery = {
  queryKey: ['center'],
  queryFn: () => unwrap(api.GET('/api/v1/settings/center')),
  staleTime: 5 * 60 * 1000,
};

/** Every setting (staff): the admin's settings page, the printable plan's signature. */
export const centerSettingsQuery = {
  queryKey: ['center', 'full'],
  queryFn: () => unwrap(api.GET('/api/v1/settings/center/full')),
};

export function saveCenterSettings(body: CenterSettingsBody): Promise<CenterSettings> {
  return unwrap(api.PUT('/api/v1/settings/center', { body }));
}
