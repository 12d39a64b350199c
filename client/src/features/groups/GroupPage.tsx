import type { GroupView, Json } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useParams } from 'react-router';
import { put } from '../../api/http';
import { keys } from '../../api/keys';
import { useChannels, useGroup } from '../../api/queries';
import { ErrorState, errorMessage, Loading } from '../../components/states';
import { useSession } from '../auth/session';
import { channelPaths } from '../channels/urls';
import { groupPaths, groupsApi } from './urls';

type Group = Json<GroupView>;

const GroupContext = createContext<Group | null>(null);

export function useCurrentGroup(): Group {
  const g = useContext(GroupContext);
  if (!g) throw new Error('useCurrentGroup outside <GroupPage>');
  return g;
}

/** Offered only when the server says the caller may add themselves (`can.join`, the policy's self-join rule). */
function JoinButton({ group }: { group: Group }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () => put(groupsApi.member(group.id, me.user.id), { role: 'member' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.group(group.id) });
      void queryClient.invalidateQueries({ queryKey: keys.groups });
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  if (!group.can.join) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        data-testid="join-group"
        disabled={join.isPending}
        onClick={() => join.mutate()}
      >
        {t('group.join')}
      </button>
      {join.error && <span className="form-error">{errorMessage(join.error, t)}</span>}
    </>
  );
}

/** A working group: its name, the four tabs, and the tab's content. */
export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  if (group.isPending) return <Loading />;
  if (group.error) return <ErrorState page error={group.error} onRetry={() => void group.refetch()} />;
  const g = group.data;
  return (
    <GroupContext.Provider value={g}>
      <div className="group-page">
        <header className="group-head">
          <h1>{g.name}</h1>
          <p className="muted">
            <span className="chip">{t(`visibility.${g.visibility}`)}</span>{' '}
            <span className="chip">{g.myRole ? t(`roles.${g.myRole}`) : t('roles.none')}</span> <JoinButton group={g} />
          </p>
        </header>
        <nav className="tabs" aria-label={t('group.tabs')}>
          <NavLink to={groupPaths.channels(g.id)}>{t('group.channels')}</NavLink>
          <NavLink to={groupPaths.knowledge(g.id)}>{t('group.knowledge')}</NavLink>
          <NavLink to={groupPaths.actions(g.id)}>{t('group.actions')}</NavLink>
          <NavLink to={groupPaths.members(g.id)}>{t('group.members')}</NavLink>
        </nav>
        <Outlet />
      </div>
    </GroupContext.Provider>
  );
}

/** /groups/:id and /groups/:id/channels open the first channel (usually #general). */
export function FirstChannel() {
  const g = useCurrentGroup();
  const { t } = useTranslation();
  const channels = useChannels(g.id);
  if (channels.isPending) return <Loading />;
  if (channels.error) return <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  const first = channels.data.find((c) => c.name === 'general') ?? channels.data[0];
  if (!first) return <p className="state state-empty">{t('group.noChannels')}</p>;
  return <Navigate to={channelPaths.channel(g.id, first.id)} replace />;
}
