import type { OrganisationKind } from '../../organisations/organisation.entity';

/** Illustrative demo world: the agency, 17 cluster associations by sector, a university. */
export const DEMO_PASSWORD = 'auzolan-demo';

export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  shortName: string;
  sector: string | null;
  website: string | null;
}

export const AGENCY: DemoOrganisation = {
  key: 'agency',
  kind: 'agency',
  name: 'Regional Development Agency',
  shortName: 'Agency',
  sector: 'public support',
  website: 'https://agency.example.org',
};

export const UNIVERSITY: DemoOrganisation = {
  key: 'university',
  kind: 'academia',
  name: 'Regional Technology University',
  shortName: 'RTU',
  sector: 'research',
  website: 'https://university.example.org',
};

const CLUSTERS: Array<[key: string, name: string, sector: string]> = [
  ['energy', 'Energy Cluster Association', 'energy'],
  ['manufacturing', 'Advanced Manufacturing Cluster', 'manufacturing'],
  ['automotive', 'Automotive Cluster', 'automotive'],
  ['aerospace', 'Aeronautics and Space Cluster', 'aerospace'],
  ['maritime', 'Maritime Industry Cluster', 'maritime'],
  ['food', 'Food and Gastronomy Cluster', 'food'],
  ['health', 'Health and Biosciences Cluster', 'health'],
  ['digital', 'Digital Technologies Cluster', 'digital'],
  ['environment', 'Environmental Industry Cluster', 'environment'],
  ['mobility', 'Mobility and Logistics Cluster', 'logistics'],
  ['paper', 'Paper Industry Cluster', 'paper'],
  ['machinetools', 'Machine Tool Builders Cluster', 'machine tools'],
  ['metals', 'Foundry and Metallurgy Cluster', 'metals'],
  ['construction', 'Sustainable Construction Cluster', 'construction'],
  ['creative', 'Audiovisual and Creative Industries Cluster', 'creative industries'],
  ['electronics', 'Electronics and Photonics Cluster', 'electronics'],
  ['habitat', 'Home and Habitat Cluster', 'habitat'],
];

export const CLUSTER_ASSOCIATIONS: DemoOrganisation[] = CLUSTERS.map(([key, name, sector]) => ({
  key,
  kind: 'cluster_association',
  name,
  shortName: name.replace(/ (Cluster Association|Cluster|Industry Cluster)$/, '').replace(/ Cluster$/, ''),
  sector,
  website: `https://${key}.example.org`,
}));

const FIRST_NAMES = [
  'Ane',
  'Mikel',
  'Leire',
  'Unai',
  'Irati',
  'Asier',
  'June',
  'Gorka',
  'Nahia',
  'Xabier',
  'Maider',
  'Eneko',
  'Garazi',
  'Aitor',
  'Uxue',
  'Julen',
  'Itziar',
];
const SURNAMES = [
  'Etxeberria',
  'Garcia',
  'Zubizarreta',
  'Fernandez',
  'Arrieta',
  'Lopez',
  'Olaizola',
  'Martinez',
  'Urkiza',
  'Sanchez',
  'Bengoetxea',
  'Perez',
  'Aranburu',
  'Gomez',
  'Iturbe',
  'Ruiz',
  'Larrañaga',
];

export interface DemoPerson {
  email: string;
  displayName: string;
  organisation: string;
  role: 'admin' | 'member';
  locale: 'en' | 'es' | 'eu';
}

export const STAFF: DemoPerson[] = [
  { email: 'admin@agency.demo', displayName: 'Amaia Agirre', organisation: 'agency', role: 'admin', locale: 'en' },
  { email: 'jon@agency.demo', displayName: 'Jon Goikoetxea', organisation: 'agency', role: 'member', locale: 'eu' },
  { email: 'maite@agency.demo', displayName: 'Maite Urrutia', organisation: 'agency', role: 'member', locale: 'es' },
  { email: 'iker@agency.demo', displayName: 'Iker Mendizabal', organisation: 'agency', role: 'member', locale: 'en' },
  { email: 'nerea@agency.demo', displayName: 'Nerea Lasa', organisation: 'agency', role: 'member', locale: 'eu' },
  {
    email: 'idoia@university.demo',
    displayName: 'Idoia Salaberria',
    organisation: 'university',
    role: 'member',
    locale: 'en',
  },
];

/** One contact person per association: ane@energy.demo, mikel@manufacturing.demo, … */
export const ASSOCIATION_PEOPLE: DemoPerson[] = CLUSTER_ASSOCIATIONS.map((o, i) => ({
  email: `${FIRST_NAMES[i].toLowerCase()}@${o.key}.demo`,
  displayName: `${FIRST_NAMES[i]} ${SURNAMES[i]}`,
  organisation: o.key,
  role: 'member',
  locale: (['en', 'es', 'eu'] as const)[i % 3],
}));

export interface DemoGroup {
  slug: string;
  name: string;
  description: string;
  visibility: 'open' | 'private';
  facilitator: string;
  /** Association keys whose contact person is a member. */
  associations: string[];
  extraMembers: string[];
  observers: string[];
  extraChannels: Array<{ name: string; topic: string }>;
}

const keys = CLUSTER_ASSOCIATIONS.map((o) => o.key);

export const GROUPS: DemoGroup[] = [
  {
    slug: 'tech-watch',
    name: 'Technology Watch & Competitive Intelligence',
    description: 'Collaborative technology watch: shared CI notes, sources and a monthly radar.',
    visibility: 'open',
    facilitator: 'jon@agency.demo',
    associations: keys.slice(0, 12), // 12 of the 17 associations take part
    extraMembers: ['idoia@university.demo'],
    observers: ['nerea@agency.demo'],
    extraChannels: [{ name: 'ci-radar', topic: 'New signals worth a CI note' }],
  },
  {
    slug: 'evaluation',
    name: 'Evaluation',
    description: 'How the support to the cluster associations is measured: surveys, participation, results.',
    visibility: 'private',
    facilitator: 'maite@agency.demo',
    associations: keys, // all 17
    extraMembers: [],
    observers: ['nerea@agency.demo'],
    extraChannels: [{ name: 'surveys', topic: "Cluster Day and User's Voice: questions, waves, results" }],
  },
  {
    slug: 'talent',
    name: 'Talent',
    description: 'Attracting and upskilling people: programmes, apprenticeships and shared training.',
    visibility: 'open',
    facilitator: 'iker@agency.demo',
    associations: ['automotive', 'maritime', 'health', 'environment', 'paper', 'metals', 'creative'],
    extraMembers: ['idoia@university.demo'],
    observers: ['nerea@agency.demo'],
    extraChannels: [{ name: 'apprenticeships', topic: 'Shared tutors, pooled places, calendars' }],
  },
];

/** Everyone's email by first name, for the demo history (checked against the lists above by world.spec.ts). */
export const P = {
  amaia: 'admin@agency.demo',
  jon: 'jon@agency.demo',
  maite: 'maite@agency.demo',
  iker: 'iker@agency.demo',
  nerea: 'nerea@agency.demo',
  idoia: 'idoia@university.demo',
  ane: 'ane@energy.demo',
  mikel: 'mikel@manufacturing.demo',
  leire: 'leire@automotive.demo',
  unai: 'unai@aerospace.demo',
  irati: 'irati@maritime.demo',
  asier: 'asier@food.demo',
  june: 'june@health.demo',
  gorka: 'gorka@digital.demo',
  nahia: 'nahia@environment.demo',
  xabier: 'xabier@mobility.demo',
  maider: 'maider@paper.demo',
  eneko: 'eneko@machinetools.demo',
  garazi: 'garazi@metals.demo',
  aitor: 'aitor@construction.demo',
  uxue: 'uxue@creative.demo',
  julen: 'julen@electronics.demo',
  itziar: 'itziar@habitat.demo',
} as const;
