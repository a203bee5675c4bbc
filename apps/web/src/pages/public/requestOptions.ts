import type { IntakeBody } from '../../api/intake';
import { PEER_ROLE_LABELS, REGION_OPTIONS } from '../../api/labels';

/**
 * The choices on the request form, in the words a clinic uses (docs/ARCHITECTURE.md §Domain), in the order the form
 * lists them. Where a clinic and staff use the same words (regions, the peer credentials) they are the server's labels;
 * elsewhere the form speaks to the clinic ("Executive or program director", with a line on each stage).
 */

export const REGIONS: { value: IntakeBody['region']; label: string }[] = REGION_OPTIONS;

export const ROLES: { value: IntakeBody['role']; label: string }[] = [
  { value: 'executive', label: 'Executive or program director' },
  { value: 'clinical_director', label: 'Clinical director' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'peer_specialist', label: 'Peer specialist' },
  { value: 'family_peer_advocate', label: 'Family peer advocate' },
  { value: 'youth_peer_advocate', label: 'Youth peer advocate' },
  { value: 'other', label: 'Other' },
];

export const POPULATIONS: { value: IntakeBody['populations'][number]; label: string }[] = [
  { value: 'children_youth', label: 'Children and youth' },
  { value: 'families', label: 'Families' },
  { value: 'adults', label: 'Adults' },
  { value: 'older_adults', label: 'Older adults' },
];

export const PEER_ROLES: { value: IntakeBody['peerRoles'][number]; label: string; description: string }[] = [
  { value: 'nycps', label: PEER_ROLE_LABELS.nycps, description: 'New York Certified Peer Specialist' },
  { value: 'ypa', label: PEER_ROLE_LABELS.ypa, description: 'Credentialed Youth Peer Advocate' },
  { value: 'fpa', label: PEER_ROLE_LABELS.fpa, description: 'Credentialed Family Peer Advocate' },
];

export const STAGES: { value: IntakeBody['stage']; label: string; description: string }[] = [
  { value: 'exploring', label: 'Exploring', description: 'We are learning what peer support could look like in our program.' },
  { value: 'starting', label: 'Starting', description: 'We are hiring, or have just hired, our first peer staff.' },
  { value: 'expanding', label: 'Expanding', description: 'We have peer staff and want to add roles or grow the team.' },
  { value: 'improving', label: 'Improving', description: 'Our peer services are running and we want to strengthen them.' },
];

export const CONTACT_METHODS: { value: NonNullable<IntakeBody['preferredContact']>; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone call' },
  { value: 'video', label: 'Video call' },
];

/** PeerTAC's four goals, named as a clinic would ask for help with them; topics arrive from the API tagged with one. */
export const GOAL_AREAS: { value: string; label: string }[] = [
  { value: 'readiness', label: 'Organizational readiness' },
  { value: 'capacity', label: 'Capacity: scope of practice, job descriptions & recruitment' },
  { value: 'fidelity', label: 'Fidelity to peer values through training' },
  { value: 'retention', label: 'Retention through peer-informed supervision' },
];

/** New York State's 62 counties, offered while typing (any other answer is accepted). */
export const NY_COUNTIES = [
  'Albany',
  'Allegany',
  'Bronx',
  'Broome',
  'Cattaraugus',
  'Cayuga',
  'Chautauqua',
  'Chemung',
  'Chenango',
  'Clinton',
  'Columbia',
  'Cortland',
  'Delaware',
  'Dutchess',
  'Erie',
  'Essex',
  'Franklin',
  'Fulton',
  'Genesee',
  'Greene',
  'Hamilton',
  'Herkimer',
  'Jefferson',
  'Kings (Brooklyn)',
  'Lewis',
  'Livingston',
  'Madison',
  'Monroe',
  'Montgomery',
  'Nassau',
  'New York (Manhattan)',
  'Niagara',
  'Oneida',
  'Onondaga',
  'Ontario',
  'Orange',
  'Orleans',
  'Oswego',
  'Otsego',
  'Putnam',
  'Queens',
  'Rensselaer',
  'Richmond (Staten Island)',
  'Rockland',
  'St. Lawrence',
  'Saratoga',
  'Schenectady',
  'Schoharie',
  'Schuyler',
  'Seneca',
  'Steuben',
  'Suffolk',
  'Sullivan',
  'Tioga',
  'Tompkins',
  'Ulster',
  'Warren',
  'Washington',
  'Wayne',
  'Westchester',
  'Wyoming',
  'Yates',
];

export const QUESTION_MIN = 20;
export const QUESTION_MAX = 5000;
