/** Plain words for the API's codes. */
const LABELS: Record<string, string> = {
  // OMH regions
  western: 'Western',
  central: 'Central',
  hudson_river: 'Hudson River',
  nyc: 'New York City',
  long_island: 'Long Island',
  // funder goal areas
  readiness: 'Readiness',
  capacity: 'Capacity',
  fidelity: 'Fidelity',
  retention: 'Retention',
  // service lines
  nycps: 'NYCPS',
  ypa: 'YPA-C',
  fpa: 'FPA-C',
  // populations
  children_youth: 'Children and youth',
  families: 'Families',
  adults: 'Adults',
  older_adults: 'Older adults',
  // modalities
  video: 'Video',
  phone: 'Phone',
  onsite: 'On site',
  email: 'Email',
  webinar: 'Webinar',
  training: 'Training',
  unspecified: 'Not specified',
};

export function labelOf(code: string): string {
  return LABELS[code] ?? code;
}

export const GOAL_AREA_COLORS: Record<string, string> = {
  readiness: 'indigo.7',
  capacity: 'teal.8',
  fidelity: 'orange.8',
  retention: 'grape.7',
  unspecified: 'gray.6',
};

export const number = new Intl.NumberFormat('en-US');
export const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
