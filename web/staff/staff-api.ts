/**
 * The staff workspace's calls to the API (docs/api.md, docs/operations.md).
 * Paths live here only. Answers are read tolerantly (snake_case or
 * camelCase keys) through `get`.
 */
import { api } from '../modules/api';
import type { Role } from './routes';

export interface User { id: number; email: string; display_name: string; role: Role; sites: string[]; active?: boolean; totp_enrolled?: boolean }
export interface Site { id: number; code: string; name: string; region: string; places_min: number; places_max: number; staff: { id: number; display_name: string; role: string; active: boolean }[] }

type Obj = Record<string, unknown>;
const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** obj[key] or obj[camelCase(key)]. */
export function get<T = unknown>(obj: unknown, key: string): T | undefined {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const o = obj as Obj;
  return (o[key] ?? o[camel(key)]) as T | undefined;
}

/** The array in an answer: the answer itself, or its one array-valued property. */
export function list<T = Obj>(answer: unknown, key?: string): T[] {
  if (Array.isArray(answer)) return answer as T[];
  if (key && Array.isArray(get(answer, key))) return get<T[]>(answer, key)!;
  const arrays = Object.values((answer ?? {}) as Obj).filter(Array.isArray);
  return (arrays[0] ?? []) as T[];
}

export const paths = {
  sites: '/api/sites',
  participants: '/api/participants',
  participant: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}`,
  identifiers: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/identifiers`,
  screening: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/screening`,
  consent: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/consent`,
  randomize: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/allocation`,
  assessments: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/assessments`,
  openAssessment: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/open-assessment`,
  episodes: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/episodes`,
  episode: (id: string | number, episodeId: number) => `/api/participants/${encodeURIComponent(String(id))}/episodes/${episodeId}`,
  episodeCorrections: (id: string | number, episodeId: number) => `/api/participants/${encodeURIComponent(String(id))}/episodes/${episodeId}/corrections`,
  responses: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/responses`,
  response: (clientUuid: string) => `/api/responses/${encodeURIComponent(clientUuid)}`,
  responseCorrections: (clientUuid: string) => `/api/responses/${encodeURIComponent(clientUuid)}/corrections`,
  corrections: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/corrections`,
  statusCorrections: (id: string | number, statusId: number) => `/api/participants/${encodeURIComponent(String(id))}/statuses/${statusId}/corrections`,
  fidelityCorrections: (id: number) => `/api/fidelity-reviews/${id}/corrections`,
  timeLogCorrections: (id: number) => `/api/time-logs/${id}/corrections`,
  withdrawal: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/withdrawal`,
  statuses: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/statuses`,
  participantTimeLogs: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/time-logs`,
  tabletSession: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/tablet-session`,
  homeCode: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/home-codes`,
  audit: (studyId: string) => `/api/audit?entity_id=${encodeURIComponent(studyId)}&limit=200`,
  due: '/api/assessments/due',
  caseload: '/api/caseloads',
  timeLogs: '/api/time-logs',
  timeLogWeek: '/api/time-logs/week',
  calendarFeeds: '/api/calendar-feeds',
  fidelity: '/api/fidelity-reviews',
  siteFidelity: (code: string) => `/api/sites/${encodeURIComponent(code)}/fidelity-reviews`,
  consort: '/api/consort',
  dataQuerySummary: '/api/data-queries/summary',
  sus: (id: string | number) => `/api/participants/${encodeURIComponent(String(id))}/sus`,
  susWorklist: '/api/sus/worklist',
  susSheets: '/api/sus/sheets',
  dataQueries: '/api/data-queries',
  dataQuery: (id: string | number) => `/api/data-queries/${encodeURIComponent(String(id))}`,
  dataQueryStep: (id: string | number, step: 'answer' | 'close' | 'reopen') => `/api/data-queries/${encodeURIComponent(String(id))}/${step}`,
  ownTotp: '/api/session/totp',
  ownTotpConfirm: '/api/session/totp/confirm',
  totpPolicy: '/api/totp-policy',
  users: '/api/users',
  user: (id: number) => `/api/users/${id}`,
  userPassword: (id: number) => `/api/users/${id}/password`,
  userSites: (id: number) => `/api/users/${id}/sites`,
  userSite: (id: number, code: string) => `/api/users/${id}/sites/${encodeURIComponent(code)}`,
  userTotpReset: (id: number) => `/api/users/${id}/totp-reset`,
  site: (code: string) => `/api/sites/${encodeURIComponent(code)}`,
  studySettings: '/api/study-settings',
  unitCosts: '/api/unit-costs',
  unitCost: (item: string) => `/api/unit-costs/${encodeURIComponent(item)}`,
};

export const getJson = <T = unknown>(url: string) => api<T>('GET', url);
export const send = <T = unknown>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api<T>(method, url, body);

/** Loads a part of a page; a failure becomes a short note instead of breaking the page. */
export async function optional<T>(load: () => Promise<T>): Promise<T | Error> {
  try {
    return await load();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
