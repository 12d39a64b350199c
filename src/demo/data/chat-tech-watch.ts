import { DemoChannelHistory, say } from '../conversations';
import { P } from './world';

/** Five weeks of Technology Watch & CI: the plenary, the CI notes as they came, the radar growing. */
export const TECH_WATCH_HISTORY: DemoChannelHistory[] = [
  {
    group: 'tech-watch',
    channel: 'general',
    messages: [
      say(
        'd25 08:12',
        P.jon,
        'Kaixo everyone 👋 Welcome to **Technology Watch & CI**. This is where we share signals, agree what deserves a CI note and prepare the monthly radar. The CI-note and meeting-notes templates are in Knowledge.',
        {
          react: { '👋': [P.ane, P.mikel, P.leire, P.idoia, P.unai] },
          replies: [
            say('d25 08:31', P.ane, 'Eskerrik asko, Jon! Happy to be here for the Energy association.'),
            say('d25 09:02', P.mikel, 'Good to see twelve associations around the table already.'),
          ],
        },
      ),
      say(
        'd24 10:20',
        P.ane,
        'I wrote up the European Hydrogen Bank auction results as a CI note. Seven projects won premiums — several of our electrolyser suppliers should look at the next round.',
        {
          react: { '👀': [P.mikel, P.eneko], '👍': [P.jon] },
          replies: [
            say('d24 10:48', P.eneko, 'Very relevant for Machine Tools. Do we know which stack makers supplied the winners?'),
            say('d24 11:05', P.ane, "Not yet, the Commission only publishes the project names. I'll dig into the press releases."),
            say(
              'd24 11:30',
              P.jon,
              '@Ane Etxeberria could you link it from the Hydrogen value chain page too? That is where people look first.',
            ),
            say('d24 11:42', P.ane, 'Done, it is linked from the page.'),
          ],
        },
      ),
      say(
        'd23 09:15',
        P.jon,
        'Our plenary is in about a week and a half (see the agenda). Proposed topics: the hydrogen auction, the battery regulation, the radar for Cluster Day. Anything else?',
        {
          replies: [
            say(
              'd23 09:40',
              P.leire,
              'Could we add 15 minutes on battery recycling? Automotive members keep asking about the recycled-content targets.',
            ),
            say('d23 09:52', P.jon, 'Added. @Leire Zubizarreta would you introduce it?'),
            say('d23 10:03', P.leire, "Sure, I'll write a CI note beforehand.", { react: { '🙏': [P.jon] } }),
          ],
        },
      ),
      say(
        'd22 08:40',
        P.jon,
        'First draft of the **Technology radar 2026** is up. Four rings, very few topics so far: please add what your association sees.',
        {
          react: { '👍': [P.ane, P.gorka, P.idoia] },
          replies: [
            say('d22 09:10', P.gorka, 'Digital would put edge AI for quality inspection in *Trial*. Shall I add it?'),
            say('d22 09:25', P.jon, 'Yes please, or write a CI note first so we have the source.'),
          ],
        },
      ),
      say(
        'd21 09:15',
        P.leire,
        'CI note on the EU Battery Regulation is up: recycled-content targets from 2031 and recovery-efficiency targets for recyclers.',
        { react: { '👀': [P.unai, P.mikel] } },
      ),
      say(
        'd20 14:05',
        P.june,
        'From Health: hospital procurement is starting to ask for AI-based maintenance of imaging equipment. Does that belong here or in a separate watch?',
        {
          replies: [
            say(
              'd20 14:30',
              P.mikel,
              "Here, I think: same pattern as in manufacturing. I'm writing a note on predictive maintenance this week.",
            ),
            say('d20 14:41', P.june, "Great, I'll add the hospital angle once it's up."),
          ],
        },
      ),
      say(
        'd19 11:30',
        P.mikel,
        'He subido una nota sobre el corredor del hidrógeno del norte: buscan proveedores locales de compresión y almacenamiento. (Spanish source; the summary says it all.)',
        { react: { '👍': [P.ane, P.nahia] } },
      ),
      say(
        'd17 09:00',
        P.mikel,
        'Predictive maintenance note is up (OECD survey). The gap is skills, not technology — maybe something for the Talent group too.',
        {
          replies: [
            say('d17 09:20', P.idoia, 'The university runs a short course on exactly this; happy to share the syllabus.'),
            say('d17 09:34', P.jon, 'Good idea. @Idoia Salaberria could you post it in Talent as well?'),
            say('d17 09:50', P.idoia, 'Will do.'),
          ],
        },
      ),
      say('d16 08:45', P.jon, 'Plenary in 45 minutes, the link is in the event. Hydrogen, batteries, radar.', {
        react: { '👍': [P.ane, P.leire, P.unai] },
      }),
      say('d16 11:20', P.jon, 'Thank you all for a very good plenary! The summary with its action items comes today.', {
        replies: [
          say('d16 11:35', P.unai, 'Thanks Jon. Aerospace is keen on robotic disassembly of battery packs — count us in.'),
        ],
      }),
      say(
        'd15 13:45',
        P.jon,
        'The plenary summary is published, with five action items. Owners: please check your due dates under **Action items**.',
        { react: { '✅': [P.leire, P.ane, P.mikel] } },
      ),
      say(
        'd14 15:40',
        P.leire,
        'Two new battery items: black-mass refining capacity in southern Europe, and a landscape page for the recycling chain. Gaps welcome!',
        {
          replies: [
            say('d14 16:02', P.unai, 'I can add the dismantling pilots we know of.'),
            say(
              'd14 16:10',
              P.xabier,
              'Collection logistics is a gap for us too: reverse logistics of used packs is expensive.',
            ),
          ],
        },
      ),
      say(
        'd13 16:10',
        P.jon,
        'Radar updated: machine vision moves to *Trial*, and we now have signals from every association. Thank you! 🎉',
        { react: { '🎉': [P.ane, P.mikel, P.gorka, P.eneko, P.maider] } },
      ),
      say(
        'd11 11:30',
        P.mikel,
        'I turned the Hydrogen value chain page into a table of who is active at each step. @Maider Bengoetxea is Paper really using hydrogen for process heat, or only piloting?',
        {
          replies: [
            say('d11 12:05', P.maider, "Piloting, in one mill. I'd call it exploring for now."),
            say('d11 12:12', P.mikel, "Fair, I'll note it."),
          ],
        },
      ),
      say(
        'd10 09:30',
        P.nahia,
        'Environment question: is anyone following the EU PFAS restriction? Several members use fluoropolymers in membranes.',
        {
          replies: [
            say('d10 09:55', P.ane, 'Relevant for electrolysers too (PEM membranes). Worth a CI note?'),
            say('d10 10:20', P.nahia, "I'll draft one."),
          ],
        },
      ),
      say(
        'd8 12:15',
        P.jon,
        'Machine-vision pilots: collected and marked done by @Mikel Garcia, right on time. Thanks!',
        { react: { '👏': [P.eneko, P.gorka] } },
      ),
      say(
        'd6 11:00',
        P.idoia,
        'Added solid-state batteries to *Assess* and blockchain traceability to *Hold* on the radar. The university lab offers to brief the group.',
        {
          react: { '👍': [P.jon, P.leire], '💡': [P.unai] },
          replies: [
            say('d6 11:20', P.leire, 'Yes please! Half an hour would help the automotive members a lot.'),
            say('d6 11:32', P.jon, "Let's put it on the agenda of the radar review."),
          ],
        },
      ),
      say(
        'd4 09:20',
        P.unai,
        'Extended the Battery recycling landscape with the dismantling pilots (one of them is ours: robotic disassembly).',
        { react: { '👀': [P.leire] } },
      ),
      say(
        'd3 12:00',
        P.gorka,
        'New CI note: sodium-ion cells are entering grid-storage tenders. Cheaper, no lithium — interesting for battery-management suppliers.',
        { replies: [say('d3 12:30', P.ane, 'We see the same in two utility tenders. Nice catch.')] },
      ),
      say(
        'd1 09:10',
        P.jon,
        'Action items: the electrolyser supplier map and the black-mass refining contacts are past their due dates. @Ane Etxeberria @Leire Zubizarreta any news?',
        {
          replies: [
            say('d1 09:45', P.leire, "The contacts are ready; I'll share them after a call tomorrow."),
            say('d1 10:02', P.ane, 'The supplier map needs one more week: 12 of 15 companies done.'),
          ],
        },
      ),
      say('m95', P.jon, 'The radar review is in the agenda, two weeks from now. Please bring one signal each.', {
        react: { '👍': [P.mikel] },
        replies: [
          say('m40', P.ane, "I'll bring the PEM membranes and PFAS topic, with Nahia."),
          say('m12', P.nahia, 'Yes, the draft is almost ready.'),
        ],
      }),
    ],
  },
  {
    group: 'tech-watch',
    channel: 'ci-radar',
    messages: [
      say('d24 15:00', P.eneko, 'Signal: Tecnalia is preparing an open dataset of weld defects. Worth a note once it is out?', {
        replies: [say('d24 15:20', P.jon, 'Definitely. Post it here when it is published.')],
      }),
      say(
        'd20 10:30',
        P.gorka,
        'Signal: a Basque start-up raised a seed round for edge-AI visual inspection. Small, but three of our members run pilots with it.',
        { react: { '👀': [P.mikel, P.eneko] } },
      ),
      say(
        'd18 09:40',
        P.ane,
        "Signal: Hydrogen Europe's Clean Hydrogen Monitor has new figures. Added as a resource in Knowledge.",
        { react: { '👍': [P.jon] } },
      ),
      say(
        'd15 10:05',
        P.asier,
        'Signal from Food: retailers will ask suppliers for product carbon footprints by 2027. Not technology as such, but the data tools are.',
        {
          replies: [
            say('d15 10:30', P.jon, 'Borderline but useful: a short note with the retailers named would do.'),
            say('d15 10:41', P.asier, 'OK, next week.'),
          ],
        },
      ),
      say('d12 14:15', P.xabier, 'Signal: the port authority is tendering a hydrogen refuelling station for trucks.', {
        react: { '👀': [P.ane, P.mikel] },
      }),
      say('d9 10:45', P.eneko, 'The weld dataset is out, and the CI note is written.', {
        react: { '🎉': [P.mikel, P.jon] },
      }),
      say(
        'd7 16:20',
        P.irati,
        'Maritime: two shipyards are testing methanol-ready designs. Not hydrogen, but a related fuel. Note or not?',
        { replies: [say('d7 16:45', P.ane, 'Note, please: alternative fuels belong next to the hydrogen chain.')] },
      ),
      say(
        'd5 09:05',
        P.june,
        'Health: the AI Act obligations for medical devices start to bite. Any interest beyond Health?',
        {
          replies: [
            say('d5 09:30', P.gorka, 'Digital, yes: our members write the software.'),
            say('d5 09:41', P.idoia, "The university's legal clinic has a summary; I'll ask for it."),
          ],
        },
      ),
      say(
        'd2 15:30',
        P.maider,
        'Paper: a mill is piloting hydrogen burners for drying. This is the pilot I mentioned to @Mikel Garcia.',
        { react: { '👍': [P.mikel, P.ane] } },
      ),
      say(
        'm180',
        P.unai,
        'Signal: ESA opened a call for in-orbit servicing demonstrators. Probably only for Aerospace, sharing anyway.',
        { react: { '👀': [P.jon] } },
      ),
    ],
  },
];
