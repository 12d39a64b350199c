import type { ChannelView } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { post } from '../../api/http';
import { keys } from '../../api/keys';
import { useChannels } from '../../api/queries';
import { ErrorState, Loading, errorMessage } from '../../components/states';
import { useCurrentGroup } from '../groups/GroupPage';
import { channelPaths, channelsApi } from './urls';

function NewChannel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => post<ChannelView>(channelsApi.list(groupId), { name: name.trim() }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: keys.channels(groupId) });
      setOpen(false);
      setName('');
      navigate(channelPaths.channel(groupId, c.id));
    },
  });
  if (!open)
    return (
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setOpen(true)}>
        + {t('group.newChannel')}
      </button>
    );
  return (
    <form
      className="stack-sm"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (name.trim()) create.mutate();
      }}
    >
      <label htmlFor="new-channel">{t('group.channelName')}</label>
      <input id="new-channel" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoFocus />
      {create.error && <p className="form-error">{errorMessage(create.error, t)}</p>}
      <div className="row">
        <button type="submit" className="btn btn-small btn-primary" disabled={create.isPending}>
          {t('app.create')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The channel sidebar (a list on wide screens, a strip on phones) and the open channel. */
export function ChannelsTab() {
  const { t } = useTranslation();
  const g = useCurrentGroup();
  const { channelId } = useParams();
  const channels = useChannels(g.id);
  return (
    <div className="channels-layout">
      <nav className="channel-sidebar" aria-label={t('group.channelList')}>
        <h2 className="sidebar-title">{t('group.channelList')}</h2>
        {channels.isPending && <Loading />}
        {channels.error && <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />}
        {channels.data && (
          <ul className="plain-list channel-list">
            {channels.data
              .filter((c) => !c.archivedAt)
              .map((c) => (
                <li key={c.id}>
                  <NavLink
                    to={channelPaths.channel(g.id, c.id)}
                    className={c.unreadCount > 0 && c.id !== channelId ? 'has-unread' : undefined}
                  >
                    <span className="channel-name"># {c.name}</span>
                    {c.mentionCount > 0 && <span className="badge badge-alert">@{c.mentionCount}</span>}
                    {c.unreadCount > 0 && c.id !== channelId && (
                      <span className="badge" aria-label={t('home.unread', { count: c.unreadCount })}>
                        {c.unreadCount}
                      </span>
                    )}
                  </NavLink>
                </li>
              ))}
          </ul>
        )}
        {g.can.manage && <NewChannel groupId={g.id} />}
      </nav>
      <div className="channel-main">
        <Outlet />
        {!g.can.contribute && (
          <p className="notice observer-note" data-testid="observer-note">
            {t('group.observerNote')}
          </p>
        )}
      </div>
    </div>
  );
}
