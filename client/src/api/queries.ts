/** Query hooks for the REST API: one place that knows the URLs and the cache keys. */
import { useQuery, UseQueryOptions } from '@tanstack/react-query';
import { api, get, withQuery } from './http';
import { keys } from './keys';
import { listOf, toActionItems, toChannel, toDocument, toSearchResult } from './normalize';
import type {
  Channel,
  Group,
  KnowledgeDocument,
  Me,
  Member,
  NotificationList,
  Organisation,
  SearchResult,
  User,
} from './types';

type Opts<T> = Omit<UseQueryOptions<T, Error, T, readonly unknown[]>, 'queryKey' | 'queryFn'>;

export const useMe = (opts: Opts<Me> = {}) =>
  useQuery({
    queryKey: keys.me,
    // Anonymous: a 401 here means "not signed in" (RequireSession sends to login), not "expired".
    queryFn: ({ signal }) => api<Me>('/api/me', { signal, anonymous: true }),
    staleTime: 60_000,
    ...opts,
  });

export const useGroup = (groupId: string) =>
  useQuery({
    queryKey: keys.group(groupId),
    queryFn: ({ signal }) => get<Group>(`/api/groups/${groupId}`, signal),
    enabled: Boolean(groupId),
  });

export const useGroups = () =>
  useQuery({ queryKey: keys.groups, queryFn: ({ signal }) => get<Group[]>('/api/groups', signal) });

export const useMembers = (groupId: string) =>
  useQuery({
    queryKey: keys.members(groupId),
    queryFn: ({ signal }) => get<Member[]>(`/api/groups/${groupId}/members`, signal),
    staleTime: 60_000,
    enabled: Boolean(groupId),
  });

export const useChannels = (groupId: string, opts: Opts<Channel[]> = {}) =>
  useQuery({
    queryKey: keys.channels(groupId),
    queryFn: async ({ signal }) =>
      listOf(await get<unknown>(`/api/groups/${groupId}/channels`, signal), 'channels').map(toChannel),
    ...opts,
  });

export const useOrganisations = () =>
  useQuery({
    queryKey: keys.organisations,
    queryFn: ({ signal }) => get<Organisation[]>('/api/organisations', signal),
    staleTime: 5 * 60_000,
  });

export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: ({ signal }) => get<User[]>('/api/users', signal), enabled });

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

export const useDocuments = (groupId: string, filters: DocumentFilters = {}, opts: Opts<KnowledgeDocument[]> = {}) =>
  useQuery({
    queryKey: [...keys.documents(groupId), filters],
    queryFn: async ({ signal }) =>
      listOf(
        await get<unknown>(withQuery(`/api/groups/${groupId}/documents`, { ...filters }), signal),
        'documents',
      ).map(toDocument),
    ...opts,
  });

export const useDocument = (id: string) =>
  useQuery({
    queryKey: keys.document(id),
    queryFn: async ({ signal }) => toDocument(await get<unknown>(`/api/documents/${id}`, signal)),
    enabled: Boolean(id),
  });

export const useActionItems = (groupId: string, params: { status?: string; owner?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: [...keys.actionItems(groupId), params],
    queryFn: async ({ signal }) =>
      toActionItems(await get<unknown>(withQuery(`/api/groups/${groupId}/action-items`, params), signal)),
    enabled,
  });

export const useSearch = (params: Record<string, string>, enabled: boolean) =>
  useQuery<SearchResult>({
    queryKey: keys.search(params),
    queryFn: async ({ signal }) => toSearchResult(await get<unknown>(withQuery('/api/search', params), signal)),
    enabled,
    placeholderData: (prev) => prev,
    staleTime: 10_000,
  });
