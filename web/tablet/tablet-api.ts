/**
 * The tablet's calls to the server (docs/operations.md): the open tablet
 * session, its assessment (which forms, and what is already saved, for
 * resuming on another device) and the site's licensed wording, redeeming a home code, leaving with the staff
 * PIN, and saving a response. Paths live here only.
 */
import { api, ApiError, NetworkError } from '../modules/api';
import type { ResponsePayload, SendResult } from '../modules/queue';
import type { Answers } from '../modules/store';
import type { LicensedWording } from './wording';

export const PATHS = {
  session: '/api/tablet-session',
  assessment: '/api/tablet-session/assessment',
  wording: '/api/tablet-session/wording',
  exit: '/api/tablet-session/exit',
  homeSession: '/api/home-sessions',
  delivery: '/api/tablet-delivery',
  response: (clientUuid: string) => `/api/tablet-delivery/${encodeURIComponent(clientUuid)}`,
};

/** The cookie in which the server names the tablet session now on this device (not a credential). */
export const MARKER_COOKIE = 'ips_trial_tablet_session';

/** The marker of the tablet session the server last opened on this device, if it has not ended. */
export function currentServerMarker(): string | undefined {
  const part = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${MARKER_COOKIE}=`));
  return part ? decodeURIComponent(part.slice(MARKER_COOKIE.length + 1)) : undefined;
}

export interface SavedResponse {
  clientUuid: string;
  answers: Answers;
  revision: number;
  complete: boolean;
}

export interface TabletSessionInfo {
  /** identifies this server session on the tablet (so a finished one is not reopened) */
  id: string;
  kind: 'clinic' | 'home';
  participantId?: number;
  studyId?: string;
  csrfToken: string;
  /** the server's public marker of this session (see currentServerMarker) */
  marker?: string;
  /** null when nothing is due */
  timepoint: number | null;
  forms: { form: string; response: SavedResponse | null }[];
  /** the site's licensed instrument wording, null when it has none */
  wording: LicensedWording | null;
  /** the site's tablet language (study setting), null: follow the browser */
  language: string | null;
}

interface RawSession { studyId?: string; participantId?: number; kind: 'clinic' | 'home'; csrfToken: string; expiresAt: string; marker?: string; language?: string | null }
interface RawAssessment { studyId: string; timepoint: number | null; forms: { form: string; response: SavedResponse | null }[] }

/** The tablet session this browser holds with its open assessment, or null (none, closed or expired). */
export async function fetchTabletSession(): Promise<TabletSessionInfo | null> {
  let session: RawSession;
  try {
    session = (await api<{ tabletSession: RawSession }>('GET', PATHS.session)).tabletSession;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return null;
    throw error;
  }
  const assessment = await api<RawAssessment>('GET', PATHS.assessment);
  const wording = await fetchWording();
  return {
    id: `${session.studyId ?? assessment.studyId}|${session.expiresAt}`,
    kind: session.kind,
    participantId: session.participantId,
    studyId: session.studyId ?? assessment.studyId,
    csrfToken: session.csrfToken,
    marker: session.marker,
    timepoint: assessment.timepoint,
    forms: assessment.forms,
    wording,
    language: session.language ?? null,
  };
}

/** The licensed wording for this session; a server without the route (older version) means none. */
async function fetchWording(): Promise<LicensedWording | null> {
  try {
    return (await api<{ wording: LicensedWording | null }>('GET', PATHS.wording)).wording ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Redeems a personal one-time code; the server sets the tablet cookie. */
export async function redeemHomeCode(code: string): Promise<TabletSessionInfo> {
  await api('POST', PATHS.homeSession, { code });
  const info = await fetchTabletSession();
  if (!info) throw new ApiError(401, 'not_authenticated', 'the home session did not open');
  return info;
}

export type ExitOutcome = 'closed' | 'wrong-pin' | 'offline';

export async function exitTabletSession(pin: string, csrf: string | undefined): Promise<ExitOutcome> {
  try {
    await api('POST', PATHS.exit, { pin }, { csrf });
    return 'closed';
  } catch (error) {
    if (error instanceof NetworkError) return 'offline';
    if (error instanceof ApiError && error.status === 401) return 'closed';
    return 'wrong-pin';
  }
}

/**
 * Registers the open session for delivering its answers later, keeping the
 * earlier sessions (their CSRF tokens) that still have answers to send.
 * Resolves false when the server could not be asked.
 */
export async function registerDelivery(csrf: string, keep: string[]): Promise<boolean> {
  try {
    await api('POST', PATHS.delivery, { keep }, { csrf });
    return true;
  } catch (error) {
    if (error instanceof NetworkError || error instanceof ApiError) return false;
    throw error;
  }
}

/**
 * PUT of one response through the delivery route, with the CSRF token of
 * the session it was answered in (which selects that session on the
 * server, whichever session is open now): the queue's `send`.
 */
export function responseSender(csrf: () => string | undefined) {
  return async (clientUuid: string, payload: ResponsePayload): Promise<SendResult> => {
    try {
      const stored = await api<{ response?: { revision?: number } }>('PUT', PATHS.response(clientUuid), payload, { csrf: csrf() });
      return { kind: 'ok', revision: stored?.response?.revision ?? payload.revision };
    } catch (error) {
      if (error instanceof NetworkError) return { kind: 'retry', error: error.message };
      if (error instanceof ApiError && error.status === 401 && error.code === 'delivery_not_possible') return { kind: 'undeliverable', error: `${error.status} ${error.message}` };
      if (error instanceof ApiError && (error.status >= 500 || [401, 403, 408, 429].includes(error.status))) {
        return { kind: 'retry', error: `${error.status} ${error.message}` };
      }
      if (error instanceof ApiError) return { kind: 'rejected', error: `${error.status} ${error.message}` };
      return { kind: 'retry', error: String(error) };
    }
  };
}
