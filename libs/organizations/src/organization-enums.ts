export const ORGANIZATION_KINDS = ['mhotrs_clinic', 'agency', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  mhotrs_clinic: 'MHOTRS clinic',
  agency: 'Agency',
  other: 'Other',
};

/** NYS Office of Mental Health regions. */
export const OMH_REGIONS = ['western', 'central', 'hudson_river', 'nyc', 'long_island'] as const;
export type OmhRegion = (typeof OMH_REGIONS)[number];

export const POPULATIONS = ['children_youth', 'families', 'adults', 'older_adults'] as const;
export type Population = (typeof POPULATIONS)[number];

/** Peer roles a program employs or plans: NYCPS, YPA-C, FPA-C (a case's service lines use the same codes). */
export const PEER_ROLES = ['nycps', 'ypa', 'fpa'] as const;
export type PeerRole = (typeof PEER_ROLES)[number];
export const PEER_ROLE_LABELS: Record<PeerRole, string> = { nycps: 'NYCPS', ypa: 'YPA-C', fpa: 'FPA-C' };

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

/** The words people read for each code (the web's copy is generated from these: ARCHITECTURE §Contracts). */
export const REGION_LABELS: Record<OmhRegion, string> = {
  western: 'Western',
  central: 'Central',
  hudson_river: 'Hudson River',
  nyc: 'New York City',
  long_island: 'Long Island',
};
export const POPULATION_LABELS: Record<Population, string> = {
  children_youth: 'Children & youth',
  families: 'Families',
  adults: 'Adults',
  older_adults: 'Older adults',
};
export const STAGE_LABELS: Record<ImplementationStage, string> = {
  exploring: 'Exploring',
  starting: 'Starting',
  expanding: 'Expanding',
  improving: 'Improving',
};
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  executive: 'Executive',
  clinical_director: 'Clinical director',
  supervisor: 'Supervisor',
  peer_specialist: 'Peer specialist',
  family_peer_advocate: 'Family peer advocate',
  youth_peer_advocate: 'Youth peer advocate',
  other: 'Other',
};

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
