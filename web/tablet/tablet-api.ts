/**
 * The tablet's calls to the server (see docs/operations.md): the open tablet
 * session, redeeming a home code, closing with the staff PIN, and saving a
 * response. Paths live here only.
 */
import { api, ApiError, NetworkError } from '../modules/api';
import type { ResponsePayload, SendResult } from '../modules/queue';
import type { Language } from '../modules/store';

export const PATHS = {
  session: '/api/tablet/session',
  redeem: '/api/tablet/session',
  response: (clientUuid: string) => `/api/responses/${encodeURIComponent(clientUuid)}`,
};

export interface TabletSessionInfo {
  id: string;
  kind: 'clinic' | 'home';
  participantId?: string;
  studyId?: string;
  timepoint: number;
  forms?: string[];
  language?: Language;
  csrfToken: string;
}

interface RawSession {
  id?: string | number;
  session_id?: string | number;
  kind: 'clinic' | 'home';
  participant_id?: string | number;
  study_id?: string;
  participant?: { id?: string | number; study_id?: string };
  timepoint?: number;
  forms?: string[];
  language?: Language;
  csrf_token: string;
  created_at?: string;
}

function toInfo(raw: RawSession): TabletSessionInfo {
  const participantId = raw.participant_id ?? raw.participant?.id;
  return {
    id: String(raw.id ?? raw.session_id ?? raw.created_at ?? ''),
    kind: raw.kind,
    participantId: participantId === undefined ? undefined : String(participantId),
    studyId: raw.study_id ?? raw.participant?.study_id,
    timepoint: raw.timepoint ?? 0,
    forms: raw.forms,
    language: raw.language,
    csrfToken: raw.csrf_token,
  };
}

/** The tablet session this browser holds, or null (none, closed or expired). */
export async function fetchTabletSession(): Promise<TabletSessionInfo | null> {
  try {
    return toInfo(await api<RawSession>('GET', PATHS.session));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return null;
    throw error;
  }
}

export async function redeemHomeCode(code: string): Promise<TabletSessionInfo> {
  return toInfo(await api<RawSession>('POST', PATHS.redeem, { code }));
}

export type CloseOutcome = 'closed' | 'wrong-pin' | 'offline';

export async function closeTabletSession(pin: string, csrf: string | undefined): Promise<CloseOutcome> {
  try {
    await api('DELETE', PATHS.session, { pin }, { csrf });
    return 'closed';
  } catch (error) {
    if (error instanceof NetworkError) return 'offline';
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return 'closed';
    return 'wrong-pin';
  }
}

/** PUT of one response: the queue's `send`. */
export function responseSender(csrf: () => string | undefined) {
  return async (clientUuid: string, payload: ResponsePayload): Promise<SendResult> => {
    try {
      const stored = await api<{ revision?: number; response?: { revision?: number } }>('PUT', PATHS.response(clientUuid), payload, { csrf: csrf() });
      return { kind: 'ok', revision: stored?.revision ?? stored?.response?.revision ?? payload.revision };
    } catch (error) {
      if (error instanceof NetworkError) return { kind: 'retry', error: error.message };
      if (error instanceof ApiError && (error.status >= 500 || [401, 403, 408, 429].includes(error.status))) {
        return { kind: 'retry', error: `${error.status} ${error.message}` };
      }
      if (error instanceof ApiError) return { kind: 'rejected', error: `${error.status} ${error.message}` };
      return { kind: 'retry', error: String(error) };
    }
  };
}
