/** Query hooks for the REST API: one place that knows the URLs and the cache keys. */
import type {
  ActionItemView,
  ChannelView,
  DocumentList,
  DocumentView,
  GroupView,
  Json,
  MemberView,
  MeView,
  NotificationList,
  OrganisationView,
  SearchResult,
  UserView,
} from '@contract';
import { useQuery, UseQueryOptions } from '@tanstack/react-query';
import { api, get, withQuery } from './http';
import { keys } from './keys';

type Opts<T> = Omit<UseQueryOptions<T, Error, T, readonly unknown[]>, 'queryKey' | 'queryFn'>;

export const useMe = (opts: Opts<Json<MeView>> = {}) =>
  useQuery({
    queryKey: keys.me,
    // Anonymous: a 401 here means "not signed in" (RequireSession sends to login), not "expired".
    queryFn: ({ signal }) => api<MeView>('/api/me', { signal, anonymous: true }),
    staleTime: 60_000,
    ...opts,
  });

export const useGroup = (groupId: string) =>
  useQuery({
    queryKey: keys.group(groupId),
    queryFn: ({ signal }) => get<GroupView>(`/api/groups/${groupId}`, signal),
    enabled: Boolean(groupId),
  });

export const useGroups = () =>
  useQuery({ queryKey: keys.groups, queryFn: ({ signal }) => get<GroupView[]>('/api/groups', signal) });

export const useMembers = (groupId: string) =>
  useQuery({
    queryKey: keys.members(groupId),
    queryFn: ({ signal }) => get<MemberView[]>(`/api/groups/${groupId}/members`, signal),
    staleTime: 60_000,
    enabled: Boolean(groupId),
  });

export const useChannels = (groupId: string, opts: Opts<ChannelView[]> = {}) =>
  useQuery({
    queryKey: keys.channels(groupId),
    queryFn: ({ signal }) => get<ChannelView[]>(`/api/groups/${groupId}/channels`, signal),
    ...opts,
  });

export const useOrganisations = () =>
  useQuery({
    queryKey: keys.organisations,
    queryFn: ({ signal }) => get<OrganisationView[]>('/api/organisations', signal),
    staleTime: 5 * 60_000,
  });

export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: ({ signal }) => get<UserView[]>('/api/users', signal), enabled });

export const useNotifications = () =>
  useQuery({
    queryKey: keys.notifications,
    queryFn: ({ signal }) => get<NotificationList>('/api/notifications?limit=30', signal),
  });

export interface DocumentFilters {
  kind?: string;
  tag?: string;
  organisationId?: string;
}

export const useDocuments = (groupId: string, filters: DocumentFilters = {}) =>
  useQuery({
    queryKey: [...keys.documents(groupId), filters],
    queryFn: async ({ signal }) =>
      (await get<DocumentList>(withQuery(`/api/groups/${groupId}/documents`, { ...filters }), signal)).items,
  });

export const useDocument = (id: string) =>
  useQuery({
    queryKey: keys.document(id),
    queryFn: ({ signal }) => get<DocumentView>(`/api/documents/${id}`, signal),
    enabled: Boolean(id),
  });

export const useActionItems = (groupId: string, params: { status?: string; owner?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: [...keys.actionItems(groupId), params],
    queryFn: ({ signal }) => get<ActionItemView[]>(withQuery(`/api/groups/${groupId}/action-items`, params), signal),
    enabled,
  });

export const useSearch = (params: Record<string, string>, enabled: boolean) =>
  useQuery({
    queryKey: keys.search(params),
    queryFn: ({ signal }) => get<SearchResult>(withQuery('/api/search', params), signal),
    enabled,
    placeholderData: (prev) => prev,
    staleTime: 10_000,
  });
