import type { DemoDocument } from '../knowledge';
import { MEETING_TEMPLATE, templates } from './templates';
import { P } from './world';

/**
 * Technology Watch & CI: CI notes with realistic sources and topics (hydrogen, battery
 * recycling, AI in manufacturing), wiki pages that link to each other and grow over the
 * weeks, and the plenary's summary whose action items are owned by different associations.
 * The sources name real publishers; the summaries are written for the demo.
 */
export const TECH_WATCH_DOCUMENTS: DemoDocument[] = [
  ...templates(P.jon, 'd25 08:05'),
  {
    kind: 'ci_note',
    title: 'European Hydrogen Bank: results of the first auction',
    sourceUrl: 'https://energy.ec.europa.eu/topics/energy-systems-integration/hydrogen/european-hydrogen-bank_en',
    publisher: 'European Commission, DG Energy',
    publishedAt: '2024-04-30',
    relevance: 4,
    tags: ['hydrogen', 'hidrógeno', 'funding'],
    body: '## Signal\nSeven renewable hydrogen projects won fixed premiums in the first auction.\n\n## Why it matters\n- Electrolyser and balance-of-plant suppliers among our **energy** and **machine tool** associations.\n- See [[Hydrogen value chain]] for where members sit.',
    author: P.ane,
    at: 'd24 10:15',
    revisions: [
      {
        at: 'd22 09:40',
        by: P.ane,
        relevance: 5,
        body: '## Signal\nSeven renewable hydrogen projects won fixed premiums in the first auction (€720 M in total).\n\n## Why it matters\n- Electrolyser and balance-of-plant suppliers among our **energy** and **machine tool** associations.\n- The second auction opens next year: a chance for regional consortia.\n- See [[Hydrogen value chain]] for where members sit.\n\n## Suggested follow-up\n- Map the regional suppliers (action from the plenary).',
      },
    ],
  },
  {
    kind: 'page',
    title: 'Hydrogen value chain',
    tags: ['hydrogen', 'hidrógeno'],
    body: 'Production (electrolysers), compression, storage, mobility and industrial use. Which associations are active where.\n\nBack to [[Technology radar 2026]].',
    author: P.ane,
    at: 'd23 14:10',
    revisions: [
      {
        at: 'd11 11:25',
        by: P.mikel,
        body: '| Step | Associations active | Notes |\n|---|---|---|\n| Production (electrolysers) | Energy, Machine Tools | stack assembly, power electronics |\n| Compression | Manufacturing | two members build compressors |\n| Storage | Metals | pressure vessels |\n| Mobility | Mobility & Logistics, Automotive | fleet pilots |\n| Industrial use | Paper, Metals | process heat |\n\nSee the auction results in [[European Hydrogen Bank: results of the first auction]]. Back to [[Technology radar 2026]].',
      },
    ],
  },
  {
    kind: 'page',
    title: 'Technology radar 2026',
    tags: ['radar'],
    body: '# Technology radar 2026\n\n| Ring | Topics |\n|---|---|\n| Adopt | predictive maintenance |\n| Trial | [[Hydrogen value chain]] |\n| Assess | [[Battery recycling landscape]] |\n\n- [ ] Collect signals from every association\n- [ ] Present at Cluster Day',
    author: P.jon,
    at: 'd22 08:30',
    revisions: [
      {
        at: 'd13 16:05',
        by: P.jon,
        body: '# Technology radar 2026\n\n| Ring | Topics |\n|---|---|\n| Adopt | predictive maintenance |\n| Trial | [[Hydrogen value chain]], machine vision |\n| Assess | [[Battery recycling landscape]] |\n\n- [x] Collect signals from every association\n- [ ] Present at Cluster Day',
      },
      {
        at: 'd6 10:50',
        by: P.idoia,
        body: '# Technology radar 2026\n\n| Ring | Topics |\n|---|---|\n| Adopt | predictive maintenance |\n| Trial | [[Hydrogen value chain]], machine vision |\n| Assess | [[Battery recycling landscape]], solid-state batteries |\n| Hold | blockchain traceability |\n\n- [x] Collect signals from every association\n- [ ] Present at Cluster Day\n\n*Solid-state batteries: the university lab can brief the group.*',
      },
    ],
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
    author: P.leire,
    at: 'd21 09:05',
    revisions: [
      {
        at: 'd12 15:20',
        by: P.leire,
        body: 'Minimum recycled cobalt, lithium and nickel content for industrial and EV batteries; recovery-efficiency targets for recyclers.\n\n**Also:** battery passports from 2027 and due-diligence duties for the supply chain — our automotive members ask about both.\n\nSee [[Battery recycling landscape]].',
      },
    ],
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
    author: P.mikel,
    at: 'd19 11:20',
  },
  {
    kind: 'resource',
    title: 'Hydrogen Europe: Clean Hydrogen Monitor',
    linkUrl: 'https://hydrogeneurope.eu/reports/',
    tags: ['hydrogen'],
    author: P.ane,
    at: 'd18 09:30',
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
    author: P.mikel,
    at: 'd17 08:50',
  },
  {
    kind: 'meeting_summary',
    title: 'Tech watch plenary: hydrogen, batteries and the radar',
    author: P.jon,
    at: 'd15 13:40',
    meeting: 'd16 09:30',
    tags: ['minutes', 'hydrogen', 'battery recycling'],
    body: MEETING_TEMPLATE.replace(
      '1. ',
      '1. Hydrogen auction results\n2. Battery recycling regulation\n3. Radar for Cluster Day',
    ).replace('- \n', '- Energy and manufacturing see supplier opportunities in [[Hydrogen value chain]].\n'),
    attendees: { people: [P.jon, P.ane, P.mikel, P.leire, P.idoia], organisations: ['aerospace', 'digital'] },
    decisions: [
      'Publish the **Technology radar 2026** before Cluster Day',
      'Open a shared watch on battery recycling with the automotive association',
    ],
    actions: [
      { text: 'Map regional electrolyser suppliers', owner: 'org:energy', due: -6 },
      { text: 'Summarise the Battery Regulation obligations for members', owner: 'org:automotive', due: 9 },
      { text: 'Collect machine-vision pilots', owner: P.mikel, due: -10 },
      { text: 'Draft the radar layout', owner: 'org:digital', due: null },
      { text: 'Share the black-mass refining contacts', owner: P.leire, due: -2 },
    ],
    revisions: [
      {
        at: 'd8 12:10',
        by: P.jon,
        actions: [
          { text: 'Map regional electrolyser suppliers', owner: 'org:energy', due: -6 },
          { text: 'Summarise the Battery Regulation obligations for members', owner: 'org:automotive', due: 9 },
          { text: 'Collect machine-vision pilots', owner: P.mikel, due: -10, done: true },
          { text: 'Draft the radar layout', owner: 'org:digital', due: null },
          { text: 'Share the black-mass refining contacts', owner: P.leire, due: -2 },
        ],
      },
    ],
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
    author: P.leire,
    at: 'd14 15:30',
  },
  {
    kind: 'page',
    title: 'Battery recycling landscape',
    tags: ['battery recycling'],
    body: 'Collection → dismantling → black mass → refining. Regional gaps and partners.\n\nBack to [[Technology radar 2026]]; compare [[Hydrogen value chain]].',
    author: P.leire,
    at: 'd14 16:45',
    revisions: [
      {
        at: 'd4 09:15',
        by: P.unai,
        body: 'Collection → dismantling → black mass → refining. Regional gaps and partners.\n\n- **Collection:** municipal points, dealer networks.\n- **Dismantling:** two pilots, one with an aerospace supplier (robotic disassembly).\n- **Refining:** none in the region yet — see [[Black-mass refining capacity announced in southern Europe]].\n\nBack to [[Technology radar 2026]]; compare [[Hydrogen value chain]].',
      },
    ],
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
    author: P.eneko,
    at: 'd9 10:40',
  },
  {
    kind: 'ci_note',
    title: 'Sodium-ion cells enter stationary storage tenders',
    sourceUrl: 'https://www.iea.org/energy-system/electricity/grid-scale-storage',
    publisher: 'International Energy Agency',
    publishedAt: '2025-10-02',
    relevance: 3,
    tags: ['batteries', 'energy storage'],
    body: '## Signal\nTwo grid-storage tenders accepted sodium-ion bids for the first time: cheaper cells, no lithium, lower energy density.\n\n## Why it matters for our associations\n- Battery management and power electronics from our **digital** and **energy** members fit either chemistry.\n\n## Source assessment\nIEA tracker, updated quarterly. Reliability 4/5.',
    author: P.gorka,
    at: 'd3 11:55',
  },
];
