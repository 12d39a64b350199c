import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { emptyState } from '../documents/document-input';
import { DocumentState, DocumentWriter } from '../documents/document-writer';
import { DocumentKind } from '../documents/rules';

/**
 * Demo knowledge for the three demo groups: CI notes with realistic sources and topics
 * (hydrogen, battery recycling, AI in manufacturing, upskilling), wiki pages that link to
 * each other, the meeting-notes and CI-note templates, and a published meeting summary
 * whose action items are owned by different associations. Illustrative content; the
 * sources name real publishers but the summaries are written for the demo.
 */
export interface DemoIds {
  groups: Map<string, string>;
  users: Map<string, string>;
  organisations: Map<string, string>;
}

type Seed = Partial<DocumentState> & { kind: DocumentKind; title: string; author: string };

const MEETING_TEMPLATE = `## Agenda
1. 

## Attendees
(Listed in the attendees field: people and associations.)

## Discussion
- 

## Decisions
(One per line in the decisions field.)

## Action items
(Each with an owner — a person or an association — and a due date.)
`;

const CI_TEMPLATE = `## Signal
What happened, in two sentences.

## Why it matters for our associations
- 

## Source assessment
Publisher, date, reliability (1–5).

## Suggested follow-up
- 
`;

function notes(group: string): Seed[] {
  const author =
    group === 'tech-watch' ? 'ane@energy.demo' : group === 'talent' ? 'iker@agency.demo' : 'maite@agency.demo';
  const templates: Seed[] = [
    {
      kind: 'page',
      title: 'Meeting notes template',
      templateFor: 'meeting_summary',
      body: MEETING_TEMPLATE,
      tags: ['minutes'],
      author: groupFacilitator(group),
    },
    {
      kind: 'page',
      title: 'CI note template',
      templateFor: 'ci_note',
      body: CI_TEMPLATE,
      tags: ['ci'],
      author: groupFacilitator(group),
    },
  ];
  if (group === 'tech-watch') {
    return [
      ...templates,
      {
        kind: 'ci_note',
        title: 'European Hydrogen Bank: results of the first auction',
        sourceUrl: 'https://energy.ec.europa.eu/topics/energy-systems-integration/hydrogen/european-hydrogen-bank_en',
        publisher: 'European Commission, DG Energy',
        publishedAt: '2024-04-30',
        relevance: 5,
        tags: ['hydrogen', 'hidrógeno', 'funding'],
        body: '## Signal\nSeven renewable hydrogen projects won fixed premiums in the first auction.\n\n## Why it matters\n- Electrolyser and balance-of-plant suppliers among our **energy** and **machine tool** associations.\n- See [[Hydrogen value chain]] for where members sit.',
        author,
      },
      {
        kind: 'ci_note',
        title: 'Hidrógeno verde: el corredor del norte busca proveedores locales',
        sourceUrl: 'https://www.idae.es/tecnologias/energias-renovables/hidrogeno-renovable',
        publisher: 'IDAE',
        publishedAt: '2025-09-12',
        relevance: 4,
        tags: ['hidrógeno', 'hydrogen', 'supply chain'],
        body: 'Las convocatorias de valles de hidrógeno priorizan proveedores de electrolizadores, compresión y almacenamiento cercanos.\n\nRelacionado: [[Hydrogen value chain]].',
        author: 'mikel@manufacturing.demo',
      },
      {
        kind: 'ci_note',
        title: 'EU Battery Regulation: recycled-content targets from 2031',
        sourceUrl: 'https://environment.ec.europa.eu/topics/waste-and-recycling/batteries_en',
        publisher: 'European Commission, DG Environment',
        publishedAt: '2023-08-17',
        relevance: 5,
        tags: ['battery recycling', 'regulation'],
        body: 'Minimum recycled cobalt, lithium and nickel content for industrial and EV batteries; recovery-efficiency targets for recyclers.\n\nSee [[Battery recycling landscape]].',
        author: 'leire@automotive.demo',
      },
      {
        kind: 'ci_note',
        title: 'Black-mass refining capacity announced in southern Europe',
        sourceUrl: 'https://www.iea.org/reports/global-ev-outlook-2024',
        publisher: 'International Energy Agency',
        publishedAt: '2024-04-23',
        relevance: 3,
        tags: ['battery recycling', 'automotive'],
        body: 'Recycling capacity is growing faster than end-of-life battery volumes; pre-treatment (black mass) is the bottleneck.',
        author: 'leire@automotive.demo',
      },
      {
        kind: 'ci_note',
        title: 'AI in manufacturing: predictive maintenance moves from pilots to plants',
        sourceUrl: 'https://www.oecd.org/en/topics/artificial-intelligence.html',
        publisher: 'OECD',
        publishedAt: '2025-03-04',
        relevance: 4,
        tags: ['ai in manufacturing', 'industry 4.0'],
        body: 'Surveyed manufacturers report scaling predictive maintenance and machine-vision inspection; skills are the main barrier.\n\nSee [[Technology radar 2026]].',
        author: 'mikel@manufacturing.demo',
      },
      {
        kind: 'ci_note',
        title: 'Machine vision for weld inspection: open dataset released',
        sourceUrl: 'https://www.tecnalia.com/en/news',
        publisher: 'Tecnalia',
        publishedAt: '2025-11-20',
        relevance: 3,
        tags: ['ai in manufacturing', 'machine vision'],
        body: 'A labelled dataset of weld defects can shorten pilots for our metal and machine-tool members.',
        author: 'eneko@machinetools.demo',
      },
      {
        kind: 'page',
        title: 'Technology radar 2026',
        tags: ['radar'],
        body: '# Technology radar 2026\n\n| Ring | Topics |\n|---|---|\n| Adopt | predictive maintenance |\n| Trial | [[Hydrogen value chain]], machine vision |\n| Assess | [[Battery recycling landscape]] |\n\n- [x] Collect signals from every association\n- [ ] Present at Cluster Day',
        author: 'jon@agency.demo',
      },
      {
        kind: 'page',
        title: 'Hydrogen value chain',
        tags: ['hydrogen', 'hidrógeno'],
        body: 'Production (electrolysers), compression, storage, mobility and industrial use. Which associations are active where.\n\nBack to [[Technology radar 2026]].',
        author: 'ane@energy.demo',
      },
      {
        kind: 'page',
        title: 'Battery recycling landscape',
        tags: ['battery recycling'],
        body: 'Collection → dismantling → black mass → refining. Regional gaps and partners.\n\nBack to [[Technology radar 2026]]; compare [[Hydrogen value chain]].',
        author: 'leire@automotive.demo',
      },
      {
        kind: 'resource',
        title: 'Hydrogen Europe: Clean Hydrogen Monitor',
        linkUrl: 'https://hydrogeneurope.eu/reports/',
        tags: ['hydrogen'],
        author: 'ane@energy.demo',
      },
    ];
  }
  if (group === 'talent') {
    return [
      ...templates,
      {
        kind: 'ci_note',
        title: 'Pact for Skills: automotive partnership upskilling targets',
        sourceUrl: 'https://pact-for-skills.ec.europa.eu/index_en',
        publisher: 'European Commission',
        publishedAt: '2024-11-05',
        relevance: 4,
        tags: ['upskilling programmes', 'automotive'],
        body: 'Large-scale partnerships commit to upskilling a share of the workforce each year; regional clusters can join.\n\nSee [[Upskilling catalogue]].',
        author,
      },
      {
        kind: 'ci_note',
        title: 'Dual vocational training: apprenticeships in SMEs',
        sourceUrl: 'https://www.cedefop.europa.eu/en/themes/apprenticeships',
        publisher: 'Cedefop',
        publishedAt: '2025-06-18',
        relevance: 3,
        tags: ['upskilling programmes', 'apprenticeships'],
        body: 'SMEs need shared tutors and pooled training places to take apprentices.',
        author: 'irati@maritime.demo',
      },
      {
        kind: 'page',
        title: 'Upskilling catalogue',
        tags: ['upskilling programmes'],
        body: 'Programmes open to members of the associations, by sector and format.\n\nSee also [[Apprenticeship programmes]].',
        author,
      },
      {
        kind: 'page',
        title: 'Apprenticeship programmes',
        tags: ['apprenticeships'],
        body: 'Shared tutors, pooled places, calendars. Back to [[Upskilling catalogue]].',
        author: 'irati@maritime.demo',
      },
    ];
  }
  return [
    ...templates,
    {
      kind: 'ci_note',
      title: 'OECD: evaluating cluster policies',
      sourceUrl: 'https://www.oecd.org/en/topics/regional-development.html',
      publisher: 'OECD',
      publishedAt: '2024-10-01',
      relevance: 4,
      tags: ['evaluation', 'cluster policy'],
      body: 'Participation and satisfaction are intermediate outcomes; combine them with firm-level results.\n\nSee [[Evaluation framework]].',
      author,
    },
    {
      kind: 'ci_note',
      title: 'European Cluster Collaboration Platform: participation benchmarks',
      sourceUrl: 'https://clustercollaboration.eu/',
      publisher: 'European Cluster Collaboration Platform',
      publishedAt: '2025-02-14',
      relevance: 3,
      tags: ['evaluation', 'participation'],
      body: 'Benchmarks for how many member organisations take part in cross-cluster working groups.',
      author: 'ane@energy.demo',
    },
    {
      kind: 'page',
      title: 'Evaluation framework',
      tags: ['evaluation'],
      body: 'Two headline figures: associations taking part per working group (of 17), and the share rating events 4–5.',
      author,
    },
  ];
}

function groupFacilitator(group: string): string {
  return { 'tech-watch': 'jon@agency.demo', evaluation: 'maite@agency.demo', talent: 'iker@agency.demo' }[group]!;
}

export async function seedKnowledge(manager: EntityManager, writer: DocumentWriter, ids: DemoIds): Promise<void> {
  const user = (email: string): string => ids.users.get(email)!;
  const org = (key: string): string => ids.organisations.get(key)!;
  for (const [slug, groupId] of ids.groups) {
    const seeds: Seed[] = [...notes(slug)];
    if (slug === 'tech-watch') seeds.push(techWatchSummary(user, org));
    for (const { kind, title, author, ...fields } of seeds) {
      const state: DocumentState = { ...emptyState(groupId, title), ...fields, status: 'published' };
      const id = randomUUID();
      const prepared = await writer.prepare(manager, groupId, state, id);
      const authorId = user(author);
      const row = { publishedInGroupAt: new Date(), publishedById: authorId };
      await writer.insert(manager, { id, kind, authorId, state, prepared, row });
    }
  }
}

function techWatchSummary(user: (email: string) => string, org: (key: string) => string): Seed {
  return {
    kind: 'meeting_summary',
    title: 'Tech watch plenary — January',
    author: 'jon@agency.demo',
    meetingDate: '2026-01-20',
    tags: ['minutes', 'hydrogen', 'battery recycling'],
    body: MEETING_TEMPLATE.replace(
      '1. ',
      '1. Hydrogen auction results\n2. Battery recycling regulation\n3. Radar for Cluster Day',
    ).replace('- \n', '- Energy and manufacturing see supplier opportunities in [[Hydrogen value chain]].\n'),
    attendees: {
      users: [
        'jon@agency.demo',
        'ane@energy.demo',
        'mikel@manufacturing.demo',
        'leire@automotive.demo',
        'idoia@university.demo',
      ].map(user),
      organisations: [org('aerospace'), org('digital')],
    },
    decisions: [
      'Publish the **Technology radar 2026** before Cluster Day',
      'Open a shared watch on battery recycling with the automotive association',
    ],
    actionItems: [
      {
        id: randomUUID(),
        description: 'Map regional electrolyser suppliers',
        ownerUserId: null,
        ownerOrganisationId: org('energy'),
        dueDate: '2026-02-28',
        status: 'open',
      },
      {
        id: randomUUID(),
        description: 'Summarise the Battery Regulation obligations for members',
        ownerUserId: null,
        ownerOrganisationId: org('automotive'),
        dueDate: '2026-03-15',
        status: 'open',
      },
      {
        id: randomUUID(),
        description: 'Collect machine-vision pilots',
        ownerUserId: user('mikel@manufacturing.demo'),
        ownerOrganisationId: null,
        dueDate: '2026-02-15',
        status: 'done',
      },
      {
        id: randomUUID(),
        description: 'Draft the radar layout',
        ownerUserId: null,
        ownerOrganisationId: org('digital'),
        dueDate: null,
        status: 'open',
      },
    ],
  };
}
