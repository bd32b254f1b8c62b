// App-wide state: what the status bar, the header and the forms' choice lists need, and which
// screen is open. Screens load their own lists; this holds only what several of them share.

import { api, toApiError, type ApiError } from './api';
import { problemText, setLang, t } from './i18n';
import { notify } from './toast.svelte';
import type { ScreenId } from './screens';
import type { AppStatus, Lang, Reference, Seller, Settings } from './types.gen';

interface AppState {
  status: AppStatus | null;
  settings: Settings | null;
  reference: Reference | null;
  seller: Seller | null;
  screen: ScreenId;
  /** A screen asked to open its "new" form when it is shown. */
  createOnOpen: boolean;
  /** A record (product, order, declaration) the screen should open when it is shown. */
  openId: number | null;
  /** A part of the screen to show when it is opened (e.g. the Origin screen's `suppliers`). */
  section: string | null;
  /** Bumped after a restore or sample load so that open screens reload their lists. */
  generation: number;
  /** Why the app could not start (e.g. the database could not be opened). */
  fatal: ApiError | null;
  /** Where a "fix it there" jump came from, offered as a way back until the user returns. */
  returnTo: ReturnPoint | null;
}

/** A record to come back to after fixing something on another screen. */
export interface ReturnPoint {
  screen: ScreenId;
  id: number;
  /** What the way-back button says, e.g. "신고서 #3 (초안)". */
  label: string;
}

export const app = $state<AppState>({
  status: null,
  settings: null,
  reference: null,
  seller: null,
  screen: 'dashboard',
  createOnOpen: false,
  openId: null,
  section: null,
  generation: 0,
  fatal: null,
  returnTo: null,
});

/** Read everything the shell needs. Sets `app.fatal` when the Rust side reports a problem. */
export async function loadAll(): Promise<void> {
  try {
    const [status, settings, reference, seller] = await Promise.all([
      api.status(),
      api.settingsGet(),
      api.reference(),
      api.sellerGet(),
    ]);
    app.status = status;
    app.settings = settings;
    app.reference = reference;
    app.seller = seller;
    app.fatal = null;
    setLang(settings.language);
  } catch (e) {
    app.fatal = toApiError(e);
  }
}

/** Refresh the counts in the status bar and on the dashboard after a change. */
export async function refreshStatus(): Promise<void> {
  try {
    app.status = await api.status();
  } catch {
    // The status bar keeps its last figures; the screen that changed data shows its own error.
  }
}

/** Everything changed underneath (restore, sample data): reload and tell open screens. */
export async function reloadEverything(): Promise<void> {
  await loadAll();
  app.generation += 1;
}

export function go(screen: ScreenId, create = false): void {
  app.screen = screen;
  app.createOnOpen = create;
  app.openId = null;
  app.section = null;
}

/** Show `screen` at one of its parts (a tab or section it knows by this name). */
export function openSection(screen: ScreenId, section: string): void {
  go(screen);
  app.section = section;
}

/** Consume the "show this part" request of the current screen. */
export function takeSectionRequest(): string | null {
  const s = app.section;
  app.section = null;
  return s;
}

/**
 * Go and fix something on another screen, remembering where from: the shell then offers a way
 * back to `from` until the user is there again.
 */
export function leaveToFix(from: ReturnPoint, screen: ScreenId, id: number | null = null, section: string | null = null): void {
  if (id !== null) openRecord(screen, id);
  else go(screen);
  if (section) app.section = section;
  app.returnTo = from;
}

/** Back to where a "fix it there" jump came from. */
export function goBack(): void {
  const back = app.returnTo;
  app.returnTo = null;
  if (back) openRecord(back.screen, back.id);
}

/** Show `screen` with the record `id` open (a product to fix, an order, a declaration). */
export function openRecord(screen: ScreenId, id: number): void {
  app.screen = screen;
  app.createOnOpen = false;
  app.openId = id;
  app.section = null;
}

/** Consume the "open this record" request of the current screen. */
export function takeOpenRequest(): number | null {
  const id = app.openId;
  app.openId = null;
  return id;
}

/** Consume the "open the new form" request of the current screen. */
export function takeCreateRequest(): boolean {
  const wanted = app.createOnOpen;
  app.createOnOpen = false;
  return wanted;
}

/** Save the settings and keep the saved copy. Throws ApiError when refused. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const saved = await api.settingsSave(next);
  app.settings = saved;
  return saved;
}

/** Switch the UI language at once and remember it in the settings. */
export async function changeLanguage(lang: Lang): Promise<void> {
  setLang(lang);
  if (!app.settings || app.settings.language === lang) return;
  try {
    await saveSettings({ ...$state.snapshot(app.settings), language: lang });
  } catch (e) {
    notify(`${t('lang.save_failed')} ${toApiError(e).problems.map(problemText).join(' ')}`, 'error');
  }
}
