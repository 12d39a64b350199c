import type { DemoDocument } from '../knowledge';

export const MEETING_TEMPLATE = `## Agenda
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

export const CI_TEMPLATE = `## Signal
What happened, in two sentences.

## Why it matters for our associations
- 

## Source assessment
Publisher, date, reliability (1–5).

## Suggested follow-up
- 
`;

/** Every group starts with the meeting-notes and CI-note templates, written by its facilitator. */
export function templates(facilitator: string, at: string): DemoDocument[] {
  return [
    {
      kind: 'page',
      title: 'Meeting notes template',
      templateFor: 'meeting_summary',
      body: MEETING_TEMPLATE,
      tags: ['minutes'],
      author: facilitator,
      at,
    },
    {
      kind: 'page',
      title: 'CI note template',
      templateFor: 'ci_note',
      body: CI_TEMPLATE,
      tags: ['ci'],
      author: facilitator,
      at,
    },
  ];
}
