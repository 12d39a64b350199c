/** Query hooks and cache keys of the evaluation API (its paths are in `urls.ts`). */
import type { EventSummary, EventView, MyResponse, Participation, SurveyView, WaveResults, WaveView } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { api, get, withQuery } from '../../api/http';
import { editTokenKey } from './figures';
import { evaluationApi } from './urls';

export const evalKeys = {
  participation: (from: string, to: string) => ['participation', from, to] as const,
  surveys: ['surveys'] as const,
  results: (waveId: string) => ['wave-results', waveId] as const,
  openWaves: ['waves', 'open'] as const,
  wave: (waveId: string) => ['wave', waveId] as const,
  response: (waveId: string) => ['wave', waveId, 'response'] as const,
  events: ['events'] as const,
  event: (id: string) => ['event', id] as const,
};

export const useParticipation = (from: string, to: string) =>
  useQuery({
    queryKey: evalKeys.participation(from, to),
    queryFn: ({ signal }) => get<Participation>(withQuery(evaluationApi.participation, { from, to }), signal),
    retry: false,
  });

export const useSurveys = () =>
  useQuery({
    queryKey: evalKeys.surveys,
    queryFn: ({ signal }) => get<SurveyView[]>(evaluationApi.surveys, signal),
    retry: false,
  });

export const useWaveResults = (waveId: string) =>
  useQuery({
    queryKey: evalKeys.results(waveId),
    queryFn: ({ signal }) => get<WaveResults>(evaluationApi.results(waveId), signal),
    enabled: Boolean(waveId),
    retry: false,
  });

export const useOpenWaves = () =>
  useQuery({ queryKey: evalKeys.openWaves, queryFn: ({ signal }) => get<WaveView[]>(evaluationApi.openWaves, signal) });

export const useWave = (waveId: string) =>
  useQuery({
    queryKey: evalKeys.wave(waveId),
    queryFn: ({ signal }) => get<WaveView>(evaluationApi.wave(waveId), signal),
    retry: false,
  });

/** Your own response; an anonymous one is only readable with the edit token kept in this browser. */
export const useMyResponse = (waveId: string, userId: string) =>
  useQuery({
    queryKey: evalKeys.response(waveId),
    queryFn: ({ signal }) => {
      const token = localStorage.getItem(editTokenKey(userId, waveId));
      return api<MyResponse>(evaluationApi.response(waveId), {
        signal,
        headers: token ? { 'x-edit-token': token } : undefined,
      });
    },
    retry: false,
  });

export const useEvents = () =>
  useQuery({ queryKey: evalKeys.events, queryFn: ({ signal }) => get<EventSummary[]>(evaluationApi.events, signal) });

export const useEvent = (id: string) =>
  useQuery({
    queryKey: evalKeys.event(id),
    queryFn: ({ signal }) => get<EventView>(evaluationApi.event(id), signal),
    retry: false,
  });
