/**
 * Query hooks for the REST resources several features read. The paths come from each feature's
 * `urls.ts`, the cache keys from `keys.ts`.
 */
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
import { adminApi } from '../features/admin/urls';
import { authApi } from '../features/auth/urls';
import { channelsApi } from '../features/channels/urls';
import { groupsApi } from '../features/groups/urls';
import { knowledgeApi } from '../features/knowledge/urls';
import { notificationsApi } from '../features/notifications/urls';
import { searchApi } from '../features/search/urls';
import { api, get, withQuery } from './http';
import { keys } from './keys';

type Opts<T> = Omit<UseQueryOptions<T, Error, T, readonly unknown[]>, 'queryKey' | 'queryFn'>;

export const useMe = (opts: Opts<Json<MeView>> = {}) =>
  useQuery({
    queryKey: keys.me,
    // Anonymous: a 401 here means "not signed in" (RequireSession sends to login), not "expired".
    queryFn: ({ signal }) => api<MeView>(authApi.me, { signal, anonymous: true }),
    staleTime: 60_000,
    ...opts,
  });

export const useGroup = (groupId: string) =>
  useQuery({
    queryKey: keys.group(groupId),
    queryFn: ({ signal }) => get<GroupView>(groupsApi.group(groupId), signal),
    enabled: Boolean(groupId),
  });

export const useGroups = () =>
  useQuery({ queryKey: keys.groups, queryFn: ({ signal }) => get<GroupView[]>(groupsApi.list, signal) });

export const useMembers = (groupId: string) =>
  useQuery({
    queryKey: keys.members(groupId),
    queryFn: ({ signal }) => get<MemberView[]>(groupsApi.members(groupId), signal),
    staleTime: 60_000,
    enabled: Boolean(groupId),
  });

export const useChannels = (groupId: string, opts: Opts<ChannelView[]> = {}) =>
  useQuery({
    queryKey: keys.channels(groupId),
    queryFn: ({ signal }) => get<ChannelView[]>(channelsApi.list(groupId), signal),
    ...opts,
  });

export const useOrganisations = () =>
  useQuery({
    queryKey: keys.organisations,
    queryFn: ({ signal }) => get<OrganisationView[]>(adminApi.organisations, signal),
    staleTime: 5 * 60_000,
  });

export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: ({ signal }) => get<UserView[]>(adminApi.users, signal), enabled });

export const useNotifications = () =>
  useQuery({
    queryKey: keys.notifications,
    queryFn: ({ signal }) => get<NotificationList>(withQuery(notificationsApi.list, { limit: 30 }), signal),
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
      (await get<DocumentList>(withQuery(knowledgeApi.documents(groupId), { ...filters }), signal)).items,
  });

export const useDocument = (id: string) =>
  useQuery({
    queryKey: keys.document(id),
    queryFn: ({ signal }) => get<DocumentView>(knowledgeApi.document(id), signal),
    enabled: Boolean(id),
  });

export const useActionItems = (groupId: string, params: { status?: string; owner?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: [...keys.actionItems(groupId), params],
    queryFn: ({ signal }) => get<ActionItemView[]>(withQuery(knowledgeApi.actionItems(groupId), params), signal),
    enabled,
  });

export const useSearch = (params: Record<string, string>, enabled: boolean) =>
  useQuery({
    queryKey: keys.search(params),
    queryFn: ({ signal }) => get<SearchResult>(withQuery(searchApi.search, params), signal),
    enabled,
    placeholderData: (prev) => prev,
    staleTime: 10_000,
  });
