import type { GroupRole, Json, MemberView } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, put } from '../../api/http';
import { keys } from '../../api/keys';
import { useMembers, useUsers } from '../../api/queries';
import { Empty, errorMessage, QueryView } from '../../components/states';
import { day } from '../../lib/dates';
import { usePresence } from '../../realtime/RealtimeProvider';
import { useSession } from '../auth/session';
import { useCurrentGroup } from './GroupPage';
import { groupsApi } from './urls';

type Member = Json<MemberView>;

const ROLES: GroupRole[] = ['facilitator', 'member', 'observer'];

export function PresenceDot({ online }: { online: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={online ? 'presence online' : 'presence'}
      role="img"
      aria-label={online ? t('members.online') : t('members.offline')}
    />
  );
}

function AddMember({ groupId, members }: { groupId: string; members: Member[] }) {
  const { t } = useTranslation();
  const me = useSession();
  const users = useUsers(me.user.role === 'admin');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<GroupRole>('member');
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: () => put(groupsApi.member(groupId, userId), { role }),
    onSuccess: () => {
      setUserId('');
      void queryClient.invalidateQueries({ queryKey: keys.members(groupId) });
      void queryClient.invalidateQueries({ queryKey: keys.group(groupId) });
    },
  });
  if (!users.data) return null;
  const taken = new Set(members.map((m) => m.userId));
  const candidates = users.data.filter((u) => u.active && !taken.has(u.id));
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (userId) add.mutate();
      }}
    >
      <h3>{t('members.add')}</h3>
      <label htmlFor="add-member-user">{t('members.person')}</label>
      <select id="add-member-user" value={userId} onChange={(e) => setUserId(e.target.value)} required>
        <option value="">—</option>
        {candidates.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName} ({u.organisation?.shortName ?? u.email})
          </option>
        ))}
      </select>
      <label htmlFor="add-member-role">{t('members.role')}</label>
      <select id="add-member-role" value={role} onChange={(e) => setRole(e.target.value as GroupRole)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-primary" disabled={add.isPending || !userId}>
        {t('app.add')}
      </button>
      {add.error && <p className="form-error">{errorMessage(add.error, t)}</p>}
    </form>
  );
}

export function MembersTab() {
  const { t } = useTranslation();
  const g = useCurrentGroup();
  const q = useMembers(g.id);
  const online = new Set(usePresence(g.id));
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.members(g.id) });
    void queryClient.invalidateQueries({ queryKey: keys.group(g.id) });
  };
  const setRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: GroupRole }) =>
      put(groupsApi.member(g.id, userId), { role }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => del(groupsApi.member(g.id, userId)),
    onSuccess: refresh,
  });
  return (
    <section className="tab-panel" aria-labelledby="members-title">
      <h2 id="members-title">
        {t('members.title')} <span className="muted">({g.memberCount})</span>
      </h2>
      {(setRole.error || remove.error) && (
        <p className="form-error">{errorMessage(setRole.error ?? remove.error, t)}</p>
      )}
      {/* No `empty` here: an empty group still shows the add form, or no one could add its first member. */}
      <QueryView query={q}>
        {(members) => (
          <>
            {members.length === 0 ? (
              <Empty>{t('members.empty')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('members.name')}</th>
                      <th scope="col">{t('members.organisation')}</th>
                      <th scope="col">{t('members.role')}</th>
                      <th scope="col" className="hide-narrow">
                        {t('members.since')}
                      </th>
                      {g.can.manage && (
                        <th scope="col">
                          <span className="visually-hidden">{t('app.remove')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((m) => (
                      <tr key={m.userId}>
                        <td>
                          <PresenceDot online={online.has(m.userId)} /> {m.displayName}
                        </td>
                        <td>{m.organisation?.shortName ?? '—'}</td>
                        <td>
                          {g.can.manage ? (
                            <select
                              aria-label={t('members.changeRole', { name: m.displayName })}
                              value={m.role}
                              onChange={(e) => setRole.mutate({ userId: m.userId, role: e.target.value as GroupRole })}
                            >
                              {ROLES.map((r) => (
                                <option key={r} value={r}>
                                  {t(`roles.${r}`)}
                                </option>
                              ))}
                            </select>
                          ) : (
                            t(`roles.${m.role}`)
                          )}
                        </td>
                        <td className="hide-narrow">{day(m.since)}</td>
                        {g.can.manage && (
                          <td>
                            <button
                              type="button"
                              className="btn btn-small btn-danger"
                              aria-label={t('members.remove', { name: m.displayName })}
                              onClick={() =>
                                window.confirm(t('members.confirmRemove', { name: m.displayName })) &&
                                remove.mutate(m.userId)
                              }
                            >
                              {t('app.remove')}
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {g.can.manage && <AddMember groupId={g.id} members={members} />}
          </>
        )}
      </QueryView>
    </section>
  );
}
