/**
 * The participant tablet: from the locked state into one session (opened by
 * staff in the clinic, or with a personal home code), one question per
 * screen, review, submit, thank you, locked again. Every answer is written to
 * IndexedDB and queued at once; the sync loop sends the queue whenever the
 * server can be reached. A reload resumes on the same question.
 */
import { h, newUuid, replace } from '../modules/dom';
import { adoptResponse, completeResponse, ensureResponse, changeResponse } from '../modules/queue';
import { currentSession, forgetSession, openStore, putSession, type Answers, type Language, type SessionRecord, type TabletDb } from '../modules/store';
import { startSync, type Sync } from '../modules/sync';
import { createChrome, type Chrome } from './chrome';
import { TABLET_FORMS } from './forms';
import { sessionForms, showsPlaceholders, type WordedSession } from './wording';
import { dropHiddenAnswers, formsForTimepoint, missingRequired, questionSequence, type Question } from './questions';
import { showLocked, showPaused, showReview, showThanks, showUndelivered, showWelcome } from './screens';
import { expectedMinutes } from './expected-minutes';
import { currentServerMarker, exitTabletSession, fetchTabletSession, redeemHomeCode, registerDelivery, responseSender, type TabletSessionInfo } from './tablet-api';
import { TEXTS } from './texts';
import { chooseLanguage } from './choose-language';
import { partTitle } from './participant-view';
import { renderQuestion, type AnswerValue, type QuestionView } from './widgets';
import { ApiError, NetworkError } from '../modules/api';

const FINISHED_KEY = 'ips-trial-finished-tablet-sessions';
/** the site's tablet language as last heard from the server (a fact of the site, not of a participant) */
const SITE_LANGUAGE_KEY = 'ips-trial-site-language';
const THANKS_MS = 20_000;

interface State {
  db: TabletDb;
  chrome: Chrome;
  sync: Sync;
  lang: Language;
  /** picked on the locked screen before a session opened: the session opens in it */
  chosen?: Language;
  session?: SessionRecord;
  answers: Record<string, Answers>;
  view?: QuestionView;
  returnToReview: boolean;
  /** the answers being written (moving on waits for them: they decide which questions follow) */
  saving: Promise<void>;
}

const finishedIds = (): string[] => JSON.parse(localStorage.getItem(FINISHED_KEY) ?? '[]') as string[];
function markFinished(id: string | undefined): void {
  if (!id) return;
  localStorage.setItem(FINISHED_KEY, JSON.stringify([...finishedIds(), id].slice(-50)));
}

/** The language without a participant's choice: the site's, else the browser's. */
function defaultLanguage(site: string | null | undefined = localStorage.getItem(SITE_LANGUAGE_KEY)): Language {
  return chooseLanguage({ site, browser: navigator.languages ?? [navigator.language] });
}

function rememberSiteLanguage(site: string | null): void {
  if (site) localStorage.setItem(SITE_LANGUAGE_KEY, site);
  else localStorage.removeItem(SITE_LANGUAGE_KEY);
}

function setLanguage(state: State, lang: Language): void {
  state.lang = lang;
  state.chrome.setLanguage(lang);
}

/** After a session: the next participant starts from the default language again. */
function resetLanguage(state: State): void {
  state.chosen = undefined;
  setLanguage(state, defaultLanguage());
}

function formsOf(session: SessionRecord) {
  return formsForTimepoint(sessionForms(session), session.timepoint, session.forms.map((f) => f.form));
}

function sequenceOf(state: State): Question[] {
  return state.session ? questionSequence(formsOf(state.session), state.session.timepoint, state.answers) : [];
}

async function saveStep(state: State, step: string): Promise<void> {
  if (!state.session) return;
  state.session = { ...state.session, step };
  await putSession(state.db, state.session);
}

function render(state: State): void {
  const session = state.session;
  if (!session) return renderLocked(state);
  if (session.step === 'review') return renderReview(state);
  if (session.step === 'welcome') return renderWelcome(state);
  if (session.step === 'paused') return renderPaused(state);
  const sequence = sequenceOf(state);
  const index = Math.max(0, sequence.findIndex((q) => q.key === session.step));
  renderQuestionScreen(state, sequence, index);
}

function renderQuestionScreen(state: State, sequence: Question[], index: number): void {
  const t = TEXTS[state.lang];
  const q = sequence[index];
  const session = state.session!;
  const formCount = session.forms.length;
  const onAnswer = (value: AnswerValue) => void answer(state, q, value);
  const view = renderQuestion(q, t, state.lang, state.answers[q.form.name]?.[q.field.name], onAnswer);
  state.view = view;
  const go = async (to: number | 'review') => {
    view.commit();
    await state.saving;
    const fresh = sequenceOf(state);
    const position = fresh.findIndex((x) => x.key === q.key);
    const target = to === 'review' ? 'review' : fresh[Math.max(0, Math.min(fresh.length - 1, position + to))]?.key;
    if (to !== 'review' && position + to >= fresh.length) return go('review');
    await saveStep(state, target ?? 'review');
    render(state);
  };
  const isLast = index === sequence.length - 1;
  const percent = Math.round(((index + 1) / sequence.length) * 100);
  replace(state.chrome.main,
    h('p', { class: 'part' }, t.part(q.part, formCount, partTitle(q.form, state.lang))),
    showsPlaceholders(session, q.form.name, state.lang) ? h('p', { class: 'placeholder-note', role: 'note' }, t.placeholderWording) : null,
    h('div', { class: 'progress' },
      h('span', { id: 'progress-text' }, t.progress(index + 1, sequence.length)),
      h('div', { class: 'progress-bar', 'aria-hidden': 'true' }, h('div', { class: 'progress-fill', style: `width:${percent}%` }))),
    h('form', { class: 'question-form', onsubmit: (e: Event) => { e.preventDefault(); void go(1); } }, view.root,
      h('div', { class: 'nav' },
        index > 0 ? h('button', { type: 'button', class: 'secondary', id: 'back', onclick: () => void go(-1) }, t.back) : h('span'),
        h('button', { type: 'button', class: 'secondary', id: 'pause', onclick: () => void pause(state) }, t.pause),
        state.returnToReview ? h('button', { type: 'button', class: 'secondary', onclick: () => void go('review') }, t.toReview) : null,
        h('button', { type: 'submit', class: 'primary', id: 'next' }, isLast ? t.toReview : t.next))));
  state.chrome.main.dataset.screen = 'question';
  state.chrome.main.dataset.question = q.key;
  view.heading.focus();
}

function renderWelcome(state: State): void {
  state.view = undefined;
  const sequence = sequenceOf(state);
  const parts = formsOf(state.session!).map((form) => partTitle(form, state.lang));
  showWelcome(state.chrome.main, TEXTS[state.lang], { parts, questions: sequence.length, minutes: expectedMinutes(sequence.length) },
    () => void saveStep(state, sequence[0]?.key ?? 'review').then(() => render(state)));
}

/** The participant's pause: what was typed is saved, and nothing of the answers stays on screen until they continue. */
async function pause(state: State): Promise<void> {
  state.view?.commit();
  await state.saving;
  if (!state.session || state.session.step === 'paused') return;
  state.session = { ...state.session, resumeStep: state.session.step, step: 'paused' };
  await putSession(state.db, state.session);
  render(state);
}

function renderPaused(state: State): void {
  state.view = undefined;
  showPaused(state.chrome.main, TEXTS[state.lang], () => {
    const session = state.session!;
    state.session = { ...session, step: session.resumeStep ?? '', resumeStep: undefined };
    void putSession(state.db, state.session).then(() => render(state));
  });
}

function answer(state: State, q: Question, value: AnswerValue): Promise<void> {
  state.saving = state.saving.then(() => saveAnswer(state, q, value)).catch((error: unknown) => console.error('answer not saved', error));
  return state.saving;
}

async function saveAnswer(state: State, q: Question, value: AnswerValue): Promise<void> {
  const entry = state.session?.forms.find((f) => f.form === q.form.name);
  if (!entry) return;
  const updated = await changeResponse(state.db, entry.clientUuid, (answers) => {
    if (value === undefined) delete answers[q.field.name];
    else answers[q.field.name] = value;
    return { answers: dropHiddenAnswers(q.form, answers) };
  });
  state.answers[q.form.name] = updated.answers;
  void state.sync.kick();
}

function renderReview(state: State): void {
  state.view = undefined;
  const sequence = sequenceOf(state);
  state.returnToReview = true;
  showReview(state.chrome.main, TEXTS[state.lang], state.lang, sequence, state.answers, missingRequired(sequence, state.answers), {
    onChange: (key) => void saveStep(state, key).then(() => render(state)),
    onSubmit: () => void submit(state),
  });
}

async function submit(state: State): Promise<void> {
  const session = state.session!;
  await state.saving;
  if (missingRequired(sequenceOf(state), state.answers).length > 0) return renderReview(state);
  for (const { clientUuid } of session.forms) await completeResponse(state.db, clientUuid);
  markFinished(session.serverSessionId);
  await forgetSession(state.db, session.id);
  state.session = undefined;
  state.answers = {};
  state.returnToReview = false;
  await state.sync.kick();
  const waiting = state.sync.state().waiting > 0;
  // a home session has no PIN: end it on the server once everything is sent
  if (session.mode === 'home' && !waiting) void exitTabletSession('', session.csrfToken);
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    if (!state.session) resetLanguage(state);
    renderLocked(state);
  };
  showThanks(state.chrome.main, TEXTS[state.lang], waiting, leave);
  state.chrome.showExit(false);
  setTimeout(leave, THANKS_MS);
}

async function openSession(state: State, info: TabletSessionInfo): Promise<void> {
  rememberSiteLanguage(info.language);
  setLanguage(state, state.chosen ?? defaultLanguage(info.language));
  const t = TEXTS[state.lang];
  const open = info.forms.filter((f) => !f.response?.complete);
  if (info.timepoint === null || open.length === 0) {
    markFinished(info.id);
    replace(state.chrome.main, h('section', { class: 'locked' }, h('h1', { tabindex: -1 }, t.nothingDue), h('p', {}, t.lockedText)));
    state.chrome.main.querySelector<HTMLElement>('h1')?.focus();
    return;
  }
  const timepoint = info.timepoint;
  // the forms known to this build, in the server's order
  const known = formsForTimepoint(TABLET_FORMS, timepoint, open.map((f) => f.form));
  const session: WordedSession = {
    id: newUuid(), serverSessionId: info.id, participantId: info.participantId, participantLabel: info.studyId,
    timepoint, mode: info.kind === 'clinic' ? 'kiosk' : 'home', csrfToken: info.csrfToken, serverMarker: info.marker,
    forms: known.map((form) => ({ form: form.name, clientUuid: open.find((f) => f.form === form.name)?.response?.clientUuid ?? newUuid() })),
    step: '', language: state.lang, createdAt: new Date().toISOString(), wording: info.wording,
  };
  state.answers = {};
  for (const { form, clientUuid } of session.forms) {
    const init = { clientUuid, sessionId: session.id, form, timepoint, participantId: session.participantId };
    const saved = open.find((f) => f.form === form)?.response;
    const record = saved ? await adoptResponse(state.db, init, saved) : await ensureResponse(state.db, init);
    state.answers[form] = record.answers;
  }
  state.session = session;
  const sequence = sequenceOf(state);
  // nothing answered yet: the welcome; otherwise resume at the first unanswered question
  const started = sequence.some((q) => state.answers[q.form.name]?.[q.field.name] !== undefined);
  session.step = !started && sequence.length > 0 ? 'welcome'
    : (sequence.find((q) => state.answers[q.form.name]?.[q.field.name] === undefined) ?? sequence[0])?.key ?? 'review';
  await putSession(state.db, session);
  void ensureDelivery(state);
  state.chrome.showExit(session.mode === 'kiosk');
  render(state);
}

/**
 * Registers the open session for later delivery (once): its answers can then
 * be sent after the next participant's session replaced it on this tablet,
 * or after it expired while the tablet was offline. Earlier sessions with
 * answers still waiting are kept registered.
 */
async function ensureDelivery(state: State): Promise<void> {
  const session = state.session;
  if (!session?.csrfToken || session.deliveryRegistered) return;
  const waiting = new Set((await state.db.getAll('outbox')).map((e) => e.clientUuid));
  const keep = new Set<string>();
  for (const response of await state.db.getAll('responses')) {
    if (!waiting.has(response.clientUuid) || response.sessionId === session.id) continue;
    const csrf = (await state.db.get('sessions', response.sessionId))?.csrfToken;
    if (csrf) keep.add(csrf);
  }
  if (!(await registerDelivery(session.csrfToken, [...keep]))) return;
  session.deliveryRegistered = true;
  const stored = await state.db.get('sessions', session.id);
  if (stored) await putSession(state.db, { ...stored, deliveryRegistered: true });
}

function renderLocked(state: State): void {
  state.chrome.showExit(false);
  const t = TEXTS[state.lang];
  showLocked(state.chrome.main, t, async (code) => {
    try {
      await openSession(state, await redeemHomeCode(code));
      return undefined;
    } catch (error) {
      return error instanceof NetworkError ? t.offlineNoSession : t.codeRefused;
    }
  }, state.sync?.state().undeliverable ?? 0);
}

async function exit(state: State, pin: string): Promise<string | undefined> {
  const t = TEXTS[state.lang];
  await state.sync.kick(); // send what was answered while the session can still send
  const outcome = await exitTabletSession(pin, state.session?.csrfToken);
  if (outcome === 'offline') return t.exitNeedsNetwork;
  if (outcome === 'wrong-pin') return t.wrongPin;
  if (state.session) {
    markFinished(state.session.serverSessionId);
    await forgetSession(state.db, state.session.id);
  }
  state.session = undefined;
  state.answers = {};
  resetLanguage(state);
  renderLocked(state);
  return undefined;
}

async function csrfFor(db: TabletDb, clientUuid: string): Promise<string | undefined> {
  const response = await db.get('responses', clientUuid);
  return response ? (await db.get('sessions', response.sessionId))?.csrfToken : undefined;
}

export async function startTablet(root: HTMLElement): Promise<void> {
  const db = await openStore();
  let saved = await currentSession(db);
  const marker = currentServerMarker();
  if (saved?.serverMarker && marker && marker !== saved.serverMarker) {
    // staff have opened another session on this tablet since: the saved one is
    // over (its waiting answers stay queued for delivery, nothing of it is shown)
    markFinished(saved.serverSessionId);
    await forgetSession(db, saved.id);
    saved = await currentSession(db);
    if (saved?.serverMarker !== marker) saved = undefined;
  }
  // the participant's choice is kept on the session's record; without a session: the site's, else the browser's
  const lang: Language = saved?.language ?? defaultLanguage();
  const state = { db, lang, session: saved, answers: {}, returnToReview: saved?.step === 'review', saving: Promise.resolve() } as unknown as State;
  state.chrome = createChrome(root, lang, {
    onLanguage: (next) => {
      state.view?.commit();
      setLanguage(state, next);
      if (!state.session) state.chosen = next;
      if (state.session) void putSession(db, { ...state.session, language: next }).then(() => { state.session!.language = next; });
      const screen = state.chrome.main.dataset.screen;
      if (screen !== 'thanks') render(state);
    },
    onExit: (pin) => exit(state, pin),
  });
  state.sync = startSync({
    db,
    send: async (uuid, payload) => {
      await ensureDelivery(state);
      const csrf = await csrfFor(db, uuid);
      return responseSender(() => csrf)(uuid, payload);
    },
    onState: (sync) => {
      state.chrome.showSync(sync, Object.values(state.answers).some((a) => Object.keys(a).length > 0) || sync.waiting > 0);
      if (state.chrome.main.dataset.screen === 'locked') showUndelivered(state.chrome.main, TEXTS[state.lang], sync.undeliverable);
    },
  });
  if (saved) {
    for (const { form, clientUuid } of saved.forms) state.answers[form] = (await db.get('responses', clientUuid))?.answers ?? {};
    state.chrome.showExit(saved.mode === 'kiosk');
    render(state);
  } else {
    renderLocked(state);
    try {
      const info = await fetchTabletSession();
      if (info && !finishedIds().includes(info.id)) await openSession(state, info);
    } catch (error) {
      if (!(error instanceof NetworkError || error instanceof ApiError)) throw error;
    }
  }
  void state.sync.kick();
  // kiosk: the browser's back button stays on this page
  history.pushState(null, '', location.href);
  window.addEventListener('popstate', () => history.pushState(null, '', location.href));
}
