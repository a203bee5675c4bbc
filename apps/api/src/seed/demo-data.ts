import { faker } from '@faker-js/faker';
import type { StoredCenter } from '@ta/settings';
import { createHash } from 'node:crypto';

/** Deterministic demo data in the center's own vocabulary (shared/seeds): clinics across the five OMH regions. */
const REGIONS = {
  western: {
    counties: ['Erie', 'Monroe', 'Niagara', 'Chautauqua', 'Ontario'],
    towns: ['Buffalo', 'Rochester', 'Niagara Falls', 'Jamestown', 'Canandaigua', 'Batavia'],
  },
  central: {
    counties: ['Onondaga', 'Oneida', 'Broome', 'Tompkins', 'Jefferson'],
    towns: ['Syracuse', 'Utica', 'Binghamton', 'Ithaca', 'Watertown', 'Oswego'],
  },
  hudson_river: {
    counties: ['Albany', 'Dutchess', 'Westchester', 'Orange', 'Ulster'],
    towns: ['Albany', 'Poughkeepsie', 'Yonkers', 'Newburgh', 'Kingston', 'Troy'],
  },
  nyc: {
    counties: ['Kings', 'Queens', 'Bronx', 'New York', 'Richmond'],
    towns: ['Brooklyn', 'Jamaica', 'Bronx', 'Harlem', 'Staten Island', 'Flushing'],
  },
  long_island: { counties: ['Nassau', 'Suffolk'], towns: ['Hempstead', 'Islip', 'Riverhead', 'Huntington', 'Freeport', 'Patchogue'] },
} as const;

const SUFFIXES = [
  'Family Counseling Center',
  'Behavioral Health Clinic',
  'Community Mental Health Services',
  'Youth & Family Services',
  'Guidance Center',
  'Recovery & Wellness Center',
  'Mental Health Association',
  'Child and Adolescent Clinic',
];

const CASE_IDEAS: Array<{ title: string; description: string; topics: string[]; lines: string[] }> = [
  {
    title: 'Job descriptions for new NYCPS positions',
    description:
      'The clinic is adding two Certified Peer Specialist positions under the MHOTRS rehab authority and needs job descriptions that reflect peer scope of practice.',
    topics: ['job_descriptions', 'scope_of_practice'],
    lines: ['nycps'],
  },
  {
    title: 'Recruiting Family Peer Advocates',
    description:
      'Leadership wants to hire an FPA-C but has had no qualified applicants in three months; asks for recruitment channels and interview questions.',
    topics: ['recruitment', 'hiring_onboarding'],
    lines: ['fpa'],
  },
  {
    title: 'Peer-informed supervision for YPA staff',
    description:
      'Clinical supervisors are unsure how to supervise Youth Peer Advocates without clinicalizing the role. Requesting consultation on peer-informed supervision.',
    topics: ['supervision', 'role_clarity'],
    lines: ['ypa'],
  },
  {
    title: 'Billing peer services under MHOTRS',
    description: 'Questions about documentation and billing for peer support services delivered by NYCPS staff in the outpatient program.',
    topics: ['billing_documentation'],
    lines: ['nycps'],
  },
  {
    title: 'Organizational readiness assessment',
    description:
      'The agency is exploring peer services and wants to assess readiness: leadership commitment, culture, and role clarity before hiring.',
    topics: ['org_readiness', 'leadership_buy_in'],
    lines: ['nycps', 'fpa'],
  },
  {
    title: 'Staff training on peer values',
    description: 'Clinicians want training on the values of peer support and how to partner with peer staff on the treatment team.',
    topics: ['peer_values_fidelity', 'culture_change'],
    lines: ['nycps', 'ypa', 'fpa'],
  },
  {
    title: 'Retaining peer staff after turnover',
    description:
      'Two peer specialists left within a year. The program wants to understand retention, wellbeing and a career ladder for peers.',
    topics: ['retention', 'staff_wellbeing', 'career_ladder'],
    lines: ['nycps'],
  },
  {
    title: 'Onboarding plan for a Youth Peer Advocate',
    description: 'A YPA-C starts next month; the clinic requests an onboarding plan and competency training resources.',
    topics: ['hiring_onboarding', 'competency_training'],
    lines: ['ypa'],
  },
];

/** PeerTAC's mark for the demo: peers of every color holding hands in a circle (after its "ropes tied in a circle"). */
const PEERTAC_MARK = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">
<circle cx="20" cy="7" r="5.5" fill="#f59f00"/><circle cx="31.26" cy="13.5" r="5.5" fill="#e64980"/>
<circle cx="31.26" cy="26.5" r="5.5" fill="#4dabf7"/><circle cx="20" cy="33" r="5.5" fill="#40c057"/>
<circle cx="8.74" cy="26.5" r="5.5" fill="#fd7e14"/><circle cx="8.74" cy="13.5" r="5.5" fill="#9775fa"/>
<circle cx="20" cy="20" r="13" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="1.5"/>
</svg>`;

/** The demo center, in PeerTAC's own words (its public pages); an admin changes it on /admin/settings. */
export const DEMO_CENTER: StoredCenter = {
  shortName: 'PeerTAC',
  name: 'Peer Support Services Technical Assistance Center',
  phone: '(212) 555-0142',
  replyTo: 'peertac@example.org',
  signature:
    'The PeerTAC team\nPeer Support Services Technical Assistance Center\nImproving access to Peer Support Services across the lifespan',
  about:
    'PeerTAC is jointly led by the NYU McSilver Institute and the Academy of Peer Services at Rutgers University, with funding from the New York State Office of Mental Health.\n\nWe support mental health programs across New York State, including MHOTRS clinics, that work with Certified Peer Specialists (NYCPS), Credentialed Youth Peer Advocates (YPA-C) and Credentialed Family Peer Advocates (FPA-C).',
  logo: {
    type: 'image/svg+xml',
    version: createHash('sha256').update(PEERTAC_MARK).digest('hex').slice(0, 16),
    data: Buffer.from(PEERTAC_MARK).toString('base64'),
  },
};

export const DEMO_STATUSES = ['new', 'new', 'triaged', 'active', 'active', 'active', 'on_hold', 'resolved', 'closed'] as const;

export interface DemoOrganization {
  name: string;
  region: keyof typeof REGIONS;
  county: string;
  kind: 'mhotrs_clinic' | 'agency' | 'other';
  populations: string[];
  stage: 'exploring' | 'starting' | 'expanding' | 'improving';
  peer: [number, number, number];
  contacts: Array<{ name: string; email: string; phone: string; title: string; role: string }>;
}

export interface DemoCase {
  organizationIndex: number;
  title: string;
  description: string;
  topics: string[];
  serviceLines: string[];
  priority: 'low' | 'normal' | 'high' | 'urgent';
  source: 'web_form' | 'email' | 'phone' | 'event' | 'outreach';
  intensity: 'universal' | 'targeted' | 'intensive';
  status: (typeof DEMO_STATUSES)[number];
  daysAgo: number;
  assigneeIndex: number | null;
  /** Sessions held, as a fraction (0–1) of the way from opening to now, with minutes and modality. */
  sessions: Array<{
    at: number;
    minutes: number;
    modality: 'video' | 'phone' | 'onsite' | 'email' | 'webinar' | 'training';
    headcount: number;
  }>;
  /** Days from now of the next scheduled follow-up (negative: overdue), for open engagements. */
  followUpInDays: number | null;
}

const WORKED = new Set(['active', 'on_hold', 'resolved', 'closed']);

export function demoData(now = new Date()): { organizations: DemoOrganization[]; cases: DemoCase[] } {
  faker.seed(20261124);
  faker.setDefaultRefDate(now);
  const regionNames = Object.keys(REGIONS) as Array<keyof typeof REGIONS>;
  const used = new Set<string>();
  const organizations: DemoOrganization[] = Array.from({ length: 30 }, (_, i) => {
    const region = regionNames[i % regionNames.length] ?? 'nyc';
    let name = '';
    do name = `${faker.helpers.arrayElement(REGIONS[region].towns)} ${faker.helpers.arrayElement(SUFFIXES)}`;
    while (used.has(name));
    used.add(name);
    const domain = `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example.org`;
    const contacts = Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, (_, c) => {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const [title, role] = faker.helpers.arrayElement([
        ['Executive Director', 'executive'],
        ['Clinical Director', 'clinical_director'],
        ['Program Supervisor', 'supervisor'],
        ['Certified Peer Specialist', 'peer_specialist'],
      ] as const);
      return {
        name: `${first} ${last}`,
        email: `${first}.${last}${c}@${domain}`.toLowerCase(),
        phone: faker.phone.number({ style: 'national' }),
        title,
        role,
      };
    });
    return {
      name,
      region,
      county: faker.helpers.arrayElement(REGIONS[region].counties),
      kind: faker.helpers.weightedArrayElement([
        { value: 'mhotrs_clinic' as const, weight: 7 },
        { value: 'agency' as const, weight: 2 },
        { value: 'other' as const, weight: 1 },
      ]),
      populations: faker.helpers.arrayElements(['children_youth', 'families', 'adults', 'older_adults'], { min: 1, max: 3 }),
      stage: faker.helpers.arrayElement(['exploring', 'starting', 'expanding', 'improving'] as const),
      peer: [faker.number.int(6), faker.number.int(3), faker.number.int(3)],
      contacts,
    };
  });
  const cases: DemoCase[] = Array.from({ length: 80 }, (_, i) => {
    const idea = faker.helpers.arrayElement(CASE_IDEAS);
    const status = DEMO_STATUSES[i % DEMO_STATUSES.length] ?? 'active';
    return {
      organizationIndex: faker.number.int(organizations.length - 1),
      title: idea.title,
      description: idea.description,
      topics: idea.topics,
      serviceLines: idea.lines,
      priority: faker.helpers.weightedArrayElement([
        { value: 'low' as const, weight: 2 },
        { value: 'normal' as const, weight: 6 },
        { value: 'high' as const, weight: 2 },
        { value: 'urgent' as const, weight: 1 },
      ]),
      source: faker.helpers.arrayElement(['web_form', 'web_form', 'email', 'phone', 'event', 'outreach'] as const),
      intensity: faker.helpers.arrayElement(['universal', 'targeted', 'intensive'] as const),
      status,
      daysAgo: faker.number.int({ min: status === 'new' ? 0 : 3, max: 150 }),
      assigneeIndex: status === 'new' ? null : faker.number.int(2),
      sessions: WORKED.has(status)
        ? Array.from({ length: faker.number.int({ min: 1, max: 4 }) }, () => ({
            at: faker.number.float({ min: 0.1, max: 0.9 }),
            minutes: faker.helpers.arrayElement([30, 45, 60, 60, 90, 120]),
            modality: faker.helpers.weightedArrayElement([
              { value: 'video' as const, weight: 5 },
              { value: 'phone' as const, weight: 3 },
              { value: 'onsite' as const, weight: 2 },
              { value: 'webinar' as const, weight: 1 },
              { value: 'training' as const, weight: 1 },
            ]),
            headcount: faker.number.int({ min: 1, max: 6 }),
          }))
        : [],
      followUpInDays: status === 'active' || status === 'triaged' ? faker.number.int({ min: -3, max: 10 }) : null,
    };
  });
  return { organizations, cases };
}
