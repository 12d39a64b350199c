/**
 * THE map of domain events: what happened, by name, with its payload. Each feature declares its
 * own events where they happen, by adding to this interface in its `*.events.ts` file:
 *
 *   declare module '../domain-events/domain-event-map' {
 *     interface DomainEventMap { 'membership.changed': MembershipChanged }
 *   }
 *
 * so a feature that publishes never imports the features that react, and
 * `grep -rn "interface DomainEventMap" src` lists every event there is.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;
