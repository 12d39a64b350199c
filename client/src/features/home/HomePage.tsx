import type { ActionItemView, ChannelView, DocumentList, DocumentSummary, GroupView, Json } from '@contract';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, withQuery } from '../../api/http';
import { keys } from '../../api/keys';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ago, day } from '../../lib/dates';
import { useSession } from '../auth/session';
import { channelsApi } from '../channels/urls';
import { groupPaths } from '../groups/urls';
import { knowledgeApi, knowledgePaths } from '../knowledge/urls';

type Group = Json<GroupView>;

/** Fans out over my groups and merges; fails only when every group failed. */
async function perGroup<T>(groups: Group[], load: (g: Group) => Promise<T[]>): Promise<T[]> {
  const results = await Promise.allSettled(groups.map(load));
  const ok = results.filter((r): r is PromiseFulfilledResult<T[]> => r.status === 'fulfilled');
  if (groups.length > 0 && ok.length === 0) throw (results[0] as PromiseRejectedResult).reason;
  return ok.flatMap((r) => r.value);
}

function GroupCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  const [channels] = useQueries({
    queries: [
      {
        queryKey: keys.channels(group.id),
        queryFn: () => get<ChannelView[]>(channelsApi.list(group.id)),
        retry: false,
      },
    ],
  });
  const unread = channels.data?.reduce((n, c) => n + c.unreadCount, 0) ?? 0;
  const mentions = channels.data?.reduce((n, c) => n + c.mentionCount, 0) ?? 0;
  return (
    <li className="card group-card">
      <Link to={groupPaths.group(group.id)} className="card-link">
        <h3>{group.name}</h3>
      </Link>
      <p className="muted">
        {group.myRole ? t(`roles.${group.myRole}`) : t('roles.none')} · {t(`visibility.${group.visibility}`)} ·{' '}
        {t('home.members', { count: group.memberCount })}
      </p>
      <p className="badges">
        {unread > 0 && <span className="badge">{t('home.unread', { count: unread })}</span>}
        {mentions > 0 && <span className="badge badge-alert">{t('home.mentions', { count: mentions })}</span>}
      </p>
    </li>
  );
}

function Recent({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['home', 'recent', groups.map((g) => g.id)],
    queryFn: () =>
      perGroup<Json<DocumentSummary>>(groups, async (g) => {
        const [summaries, notes] = await Promise.all(
          ['meeting_summary', 'ci_note'].map(
            async (kind) =>
              (await get<DocumentList>(withQuery(knowledgeApi.documents(g.id), { kind, limit: 5 }))).items,
          ),
        );
        return [...summaries, ...notes].filter((d) => d.status === 'published');
      }),
    retry: false,
  });
  const byGroup = new Map(groups.map((g) => [g.id, g.name]));
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const docs = [...q.data]
    .sort((a, b) => (b.publishedInGroupAt ?? b.updatedAt).localeCompare(a.publishedInGroupAt ?? a.updatedAt))
    .slice(0, 8);
  if (docs.length === 0) return <Empty>{t('home.noRecent')}</Empty>;
  return (
    <ul className="plain-list doc-list">
      {docs.map((d) => (
        <li key={d.id}>
          <span className={`kind-chip kind-${d.kind}`}>{t(`knowledge.kinds.${d.kind}`)}</span>{' '}
          <Link to={knowledgePaths.document(d.id)}>{d.title}</Link>
          <span className="muted">
            {' '}
            · {byGroup.get(d.groupId)} · {ago(d.publishedInGroupAt ?? d.updatedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function MyActions({ groups, myId }: { groups: Group[]; myId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['home', 'actions', myId],
    queryFn: () =>
      perGroup<Json<ActionItemView> & { groupName: string }>(groups, async (g) =>
        (await get<ActionItemView[]>(withQuery(knowledgeApi.actionItems(g.id), { status: 'open', owner: myId }))).map(
          (a) => ({ ...a, groupName: g.name }),
        ),
      ),
    retry: false,
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.length === 0) return <Empty>{t('home.noActions')}</Empty>;
  return (
    <ul className="plain-list">
      {q.data.map((a) => (
        <li key={a.id} className="action-row">
          <span>{a.description}</span>
          <span className="muted">
            {a.groupName}
            {a.dueDate && (
              <>
                {' '}
                · {t('knowledge.due')} {day(a.dueDate)}
              </>
            )}
          </span>
          <Link to={knowledgePaths.document(a.documentId)}>{t('actions.from')} →</Link>
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const groups = me.groups;
  return (
    <div className="page home">
      <h1>{t('home.greeting', { name: me.user.displayName.split(' ')[0] })}</h1>
      <section aria-labelledby="my-groups">
        <h2 id="my-groups">{t('home.myGroups')}</h2>
        {groups.length === 0 ? (
          <Empty>{t('home.noGroups')}</Empty>
        ) : (
          <ul className="card-grid">
            {groups.map((g) => (
              <GroupCard key={g.id} group={g} />
            ))}
          </ul>
        )}
      </section>
      <div className="two-col">
        <section aria-labelledby="recent">
          <h2 id="recent">{t('home.recent')}</h2>
          <Recent groups={groups} />
        </section>
        <section aria-labelledby="my-actions">
          <h2 id="my-actions">{t('home.myActions')}</h2>
          <MyActions groups={groups} myId={me.user.id} />
        </section>
      </div>
    </div>
  );
}
