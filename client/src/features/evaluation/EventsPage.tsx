/** Events: the list (upcoming first, then past) and an event's page with registration. */
import type { EventSummary, EventView } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { del, post } from '../../api/http';
import { errorMessage, ErrorState, Loading, QueryView } from '../../components/states';
import { dateTime } from '../../lib/dates';
import { groupPaths } from '../groups/urls';
import { evalKeys, useEvent, useEvents } from './api';
import { evaluationApi, evaluationPaths } from './urls';

function Where({ e }: { e: EventSummary }) {
  const { t } = useTranslation();
  return <>{e.online ? t('events.online') : (e.place ?? '—')}</>;
}

function EventRow({ e }: { e: EventSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card event-row">
      <Link to={evaluationPaths.event(e.id)} className="card-title" data-testid="event-link">
        {e.title}
      </Link>
      <p className="muted">
        <span className="badge">{t(`events.kinds.${e.kind}`)}</span>{' '}
        <time dateTime={e.startsAt}>{dateTime(e.startsAt)}</time> · <Where e={e} />
      </p>
    </li>
  );
}

export function EventListPage() {
  const { t } = useTranslation();
  const q = useEvents();
  return (
    <div className="page narrow">
      <h1>{t('events.title')}</h1>
      <QueryView query={q} empty={t('events.empty')}>
        {(events: EventSummary[]) => {
          const now = Date.now();
          const upcoming = events
            .filter((e) => Date.parse(e.startsAt) >= now)
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          const past = events
            .filter((e) => Date.parse(e.startsAt) < now)
            .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
          return (
            <>
              <h2>{t('events.upcoming')}</h2>
              {upcoming.length === 0 ? (
                <p className="state state-empty">{t('events.noUpcoming')}</p>
              ) : (
                <ul className="card-list">
                  {upcoming.map((e) => (
                    <EventRow key={e.id} e={e} />
                  ))}
                </ul>
              )}
              <h2>{t('events.past')}</h2>
              {past.length === 0 ? (
                <p className="state state-empty">{t('events.empty')}</p>
              ) : (
                <ul className="card-list">
                  {past.map((e) => (
                    <EventRow key={e.id} e={e} />
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}

function Registration({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const started = Date.parse(event.startsAt) <= Date.now();
  const toggle = useMutation({
    mutationFn: async (): Promise<void> => {
      if (event.me.registered) await del(evaluationApi.registration(event.id));
      else await post<EventView>(evaluationApi.registration(event.id));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: evalKeys.event(event.id) }),
  });
  if (started) {
    return <p className="muted">{event.me.attended ? t('events.youAttended') : t('events.started')}</p>;
  }
  return (
    <div className="registration" aria-live="polite">
      <p data-testid="registration-state">{event.me.registered ? t('events.registered') : t('events.notRegistered')}</p>
      <button
        type="button"
        className={`btn ${event.me.registered ? '' : 'btn-primary'}`}
        data-testid="registration-toggle"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {event.me.registered ? t('events.cancel') : t('events.register')}
      </button>
      {toggle.error && <p className="form-error">{errorMessage(toggle.error, t)}</p>}
    </div>
  );
}

export function EventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const q = useEvent(eventId);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorState error={q.error} page onRetry={() => void q.refetch()} />;
  const e = q.data;
  return (
    <div className="page narrow event-page">
      <p>
        <Link to={evaluationPaths.events}>← {t('events.title')}</Link>
      </p>
      <h1>{e.title}</h1>
      <dl className="facts">
        <dt>{t('events.kind')}</dt>
        <dd>{t(`events.kinds.${e.kind}`)}</dd>
        <dt>{t('events.date')}</dt>
        <dd>
          <time dateTime={e.startsAt}>{dateTime(e.startsAt)}</time>
          {e.endsAt && (
            <>
              {' – '}
              <time dateTime={e.endsAt}>{dateTime(e.endsAt)}</time>
            </>
          )}
        </dd>
        <dt>{t('events.where')}</dt>
        <dd>
          <Where e={e} />
        </dd>
        {e.groupId && (
          <>
            <dt>{t('events.group')}</dt>
            <dd>
              <Link to={groupPaths.group(e.groupId)}>{t('events.openGroup')}</Link>
            </dd>
          </>
        )}
        <dt>{t('events.counts')}</dt>
        <dd>
          {t('events.countsValue', {
            registered: e.counts.registered,
            attended: e.counts.attended,
            organisations: e.counts.organisationsPresent,
          })}
        </dd>
      </dl>
      {/* The description is plain text (not markdown): React escapes it. */}
      {e.description && <p className="event-description">{e.description}</p>}
      <Registration event={e} />
      {e.children.length > 0 && (
        <>
          <h2>{t('events.workshops')}</h2>
          <ul className="card-list">
            {e.children.map((c) => (
              <EventRow key={c.id} e={c} />
            ))}
          </ul>
        </>
      )}
      {e.invitedOrganisations.length > 0 && (
        <details>
          <summary>{t('events.invited', { count: e.invitedOrganisations.length })}</summary>
          <ul>
            {e.invitedOrganisations.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
