// Which locale the screens write numbers in: the one the user chose in the header, or else the system's (the first
// of the browser's languages Intl supports, en-US when none is). The choice is remembered in the page's storage;
// a stored value that is broken or not one of the offered choices is ignored, never trusted.

import { localiseDecimalText } from '../components/amount-format';
import type { WorkbenchStore } from '../state/store';

export const FALLBACK_NUMBER_LOCALE = 'en-US';

/** The locales the chooser offers beside the system's: a short list of common number styles. */
export const NUMBER_LOCALE_CHOICES = ['en-US', 'en-GB', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP', 'sv-SE', 'de-CH'] as const;

export const SYSTEM_NUMBER_LOCALE = 'system';

/** What the user chose: the system's locale, or one of the offered ones. */
export type NumberLocaleChoice = typeof SYSTEM_NUMBER_LOCALE | (typeof NUMBER_LOCALE_CHOICES)[number];

export const NUMBER_LOCALE_STORAGE_KEY = 'credit-workbench.number-locale';

/** The part of the Web Storage API the choice needs; tests hand in a fake over a Map. */
export interface NumberLocaleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isNumberLocaleChoice(text: string): text is NumberLocaleChoice {
  return text === SYSTEM_NUMBER_LOCALE || (NUMBER_LOCALE_CHOICES as readonly string[]).includes(text);
}

/** The tag as Intl canonicalises it ("de-de" → "de-DE"), or null when it is malformed or Intl does not support it. */
export function supportedNumberLocale(tag: string): string | null {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    // A malformed tag ("de_DE", "") throws a RangeError: it names no locale.
    return null;
  }
}

/** The first of the browser's preferred languages Intl supports; en-US when none is. */
export function systemNumberLocale(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const supported = supportedNumberLocale(tag);
    if (supported !== null) return supported;
  }
  return FALLBACK_NUMBER_LOCALE;
}

export interface ResolvedNumberLocale {
  choice: NumberLocaleChoice;
  /** The system's locale, shown beside the "System" choice. */
  system: string;
  /** The locale the screens write numbers in. */
  locale: string;
}

/** The locale a choice stands for. */
export function localeOfChoice(choice: NumberLocaleChoice, system: string): string {
  return choice === SYSTEM_NUMBER_LOCALE ? system : choice;
}

/** The browser's languages and the stored choice (null when none) → the choice in force and its locale. */
export function resolveNumberLocale(preferred: readonly string[], stored: string | null): ResolvedNumberLocale {
  const system = systemNumberLocale(preferred);
  const choice = stored !== null && isNumberLocaleChoice(stored) ? stored : SYSTEM_NUMBER_LOCALE;
  return { choice, system, locale: localeOfChoice(choice, system) };
}

/** The stored choice's text, or null when there is none or the storage cannot be read (blocked by the browser). */
export function readStoredNumberLocale(storage: NumberLocaleStorage | null): string | null {
  if (storage === null) return null;
  try {
    return storage.getItem(NUMBER_LOCALE_STORAGE_KEY);
  } catch {
    // Storage the browser refuses (a SecurityError) is no choice: the system's locale stands.
    return null;
  }
}

/** Remembers the choice; true when it was written (full or blocked storage keeps it for this page only). */
export function storeNumberLocale(storage: NumberLocaleStorage | null, choice: NumberLocaleChoice): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(NUMBER_LOCALE_STORAGE_KEY, choice);
    return true;
  } catch {
    return false;
  }
}

/** A sample for the chooser: "1,234,567.89" (en-US), "12,34,567.89" (en-IN), "1.234.567,89" (de-DE). */
export function numberSample(locale: string): string {
  return localiseDecimalText('1234567.89', locale);
}

/**
 * Puts the resolved locale into the store, and remembers each later choice in `storage`. Returns the function that
 * stops remembering.
 */
export function startNumberLocale(store: WorkbenchStore, preferred: readonly string[], storage: NumberLocaleStorage | null): () => void {
  const resolved = resolveNumberLocale(preferred, readStoredNumberLocale(storage));
  store.getState().adoptNumberLocale(resolved.system, resolved.choice);
  return store.subscribe((state, previous) => {
    if (state.numberLocaleChoice !== previous.numberLocaleChoice) storeNumberLocale(storage, state.numberLocaleChoice);
  });
}
