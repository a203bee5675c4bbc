export const ORGANIZATION_KINDS = ['mhotrs_clinic', 'agency', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** NYS Office of Mental Health regions. */
export const OMH_REGIONS = ['western', 'central', 'hudson_river', 'nyc', 'long_island'] as const;
export type OmhRegion = (typeof OMH_REGIONS)[number];

export const POPULATIONS = ['children_youth', 'families', 'adults', 'older_adults'] as const;
export type Population = (typeof POPULATIONS)[number];

export const IMPLEMENTATION_STAGES = ['exploring', 'starting', 'expanding', 'improving'] as const;
export type ImplementationStage = (typeof IMPLEMENTATION_STAGES)[number];

export const CONTACT_ROLES = [
  'executive',
  'clinical_director',
  'supervisor',
  'peer_specialist',
  'family_peer_advocate',
  'youth_peer_advocate',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Lower-case, punctuation and legal suffixes dropped, whitespace folded: "The Hope Center, Inc." → "hope center". */
export function normalizeOrganizationName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(the|inc|incorporated|llc|corp|corporation|co|ltd)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
