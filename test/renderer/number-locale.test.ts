import { describe, expect, test } from 'vitest';
import {
  FALLBACK_NUMBER_LOCALE,
  NUMBER_LOCALE_CHOICES,
  NUMBER_LOCALE_STORAGE_KEY,
  numberSample,
  readStoredNumberLocale,
  resolveNumberLocale,
  startNumberLocale,
  storeNumberLocale,
  supportedNumberLocale,
  systemNumberLocale,
  type NumberLocaleStorage,
} from '../../renderer/app/number-locale';
import { createWorkbenchStore } from '../../renderer/state/store';

/** Web Storage over a Map, as the page's localStorage behaves for one origin. */
function mapStorage(entries: Record<string, string> = {}): NumberLocaleStorage & { entries: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return { entries: map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

/** Storage the browser blocks: every access throws, as localStorage does in a sandboxed frame. */
const blockedStorage: NumberLocaleStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
};

describe('the system’s number locale', () => {
  test('is the first of the browser’s languages Intl supports, canonicalised', () => {
    expect(systemNumberLocale(['de-DE', 'en-US'])).toBe('de-DE');
    expect(systemNumberLocale(['not a tag', 'fr-fr'])).toBe('fr-FR');
    expect(supportedNumberLocale('en_US')).toBeNull();
    expect(supportedNumberLocale('')).toBeNull();
  });

  test('falls back to en-US when the browser names no language Intl supports', () => {
    expect(systemNumberLocale([])).toBe(FALLBACK_NUMBER_LOCALE);
    expect(systemNumberLocale(['%%', 'x-private'])).toBe('en-US');
  });
});

describe('resolving the locale numbers are written in', () => {
  test('without a stored choice the system’s locale is used', () => {
    expect(resolveNumberLocale(['de-CH'], null)).toEqual({ choice: 'system', system: 'de-CH', locale: 'de-CH' });
  });

  test('a stored choice of one of the offered locales wins over the system’s', () => {
    expect(resolveNumberLocale(['de-DE'], 'en-IN')).toEqual({ choice: 'en-IN', system: 'de-DE', locale: 'en-IN' });
    expect(resolveNumberLocale(['de-DE'], 'system')).toEqual({ choice: 'system', system: 'de-DE', locale: 'de-DE' });
  });

  test('a broken or unknown stored value is ignored', () => {
    for (const stored of ['', 'de_DE', '{"locale":"de-DE"}', 'xx-YY', 'fi-FI', 'EN-us']) {
      expect(resolveNumberLocale(['ja-JP'], stored)).toEqual({ choice: 'system', system: 'ja-JP', locale: 'ja-JP' });
    }
  });

  test('every offered locale is one Intl supports, and its sample shows its separators', () => {
    for (const locale of NUMBER_LOCALE_CHOICES) expect(supportedNumberLocale(locale)).toBe(locale);
    expect(numberSample('en-US')).toBe('1,234,567.89');
    expect(numberSample('en-IN')).toBe('12,34,567.89');
    expect(numberSample('de-DE')).toBe('1.234.567,89');
  });
});

describe('remembering the choice', () => {
  test('the choice is read from and written to the storage under one key', () => {
    const storage = mapStorage({ [NUMBER_LOCALE_STORAGE_KEY]: 'fr-FR' });
    expect(readStoredNumberLocale(storage)).toBe('fr-FR');
    expect(storeNumberLocale(storage, 'sv-SE')).toBe(true);
    expect(storage.entries.get(NUMBER_LOCALE_STORAGE_KEY)).toBe('sv-SE');
  });

  test('storage the browser blocks, or none at all, is no choice and no failure', () => {
    expect(readStoredNumberLocale(blockedStorage)).toBeNull();
    expect(storeNumberLocale(blockedStorage, 'de-DE')).toBe(false);
    expect(readStoredNumberLocale(null)).toBeNull();
    expect(storeNumberLocale(null, 'de-DE')).toBe(false);
  });

  test('at start the store takes the remembered choice, and later choices are remembered', () => {
    const store = createWorkbenchStore();
    const storage = mapStorage({ [NUMBER_LOCALE_STORAGE_KEY]: 'de-CH' });
    const stop = startNumberLocale(store, ['ja-JP'], storage);
    expect(store.getState()).toMatchObject({ numberLocale: 'de-CH', numberLocaleChoice: 'de-CH', systemNumberLocale: 'ja-JP' });
    store.getState().chooseNumberLocale('system');
    expect(store.getState().numberLocale).toBe('ja-JP');
    expect(storage.entries.get(NUMBER_LOCALE_STORAGE_KEY)).toBe('system');
    store.getState().chooseNumberLocale('es-ES');
    expect(storage.entries.get(NUMBER_LOCALE_STORAGE_KEY)).toBe('es-ES');
    stop();
    store.getState().chooseNumberLocale('it-IT');
    expect(storage.entries.get(NUMBER_LOCALE_STORAGE_KEY)).toBe('es-ES');
  });

  test('a page whose storage is blocked still starts in the system’s locale and can change it', () => {
    const store = createWorkbenchStore();
    startNumberLocale(store, ['nl-NL'], blockedStorage);
    expect(store.getState().numberLocale).toBe('nl-NL');
    store.getState().chooseNumberLocale('pt-BR');
    expect(store.getState().numberLocale).toBe('pt-BR');
  });
});

describe('the ui slice’s number locale', () => {
  test('starts in en-US until the page tells it the system’s locale', () => {
    const state = createWorkbenchStore().getState();
    expect(state).toMatchObject({ numberLocale: 'en-US', numberLocaleChoice: 'system', systemNumberLocale: 'en-US' });
  });

  test('follows the choice: the system’s locale for "system", the chosen one otherwise', () => {
    const store = createWorkbenchStore();
    store.getState().adoptNumberLocale('de-DE', 'system');
    expect(store.getState().numberLocale).toBe('de-DE');
    store.getState().chooseNumberLocale('en-GB');
    expect(store.getState()).toMatchObject({ numberLocale: 'en-GB', numberLocaleChoice: 'en-GB', systemNumberLocale: 'de-DE' });
    store.getState().chooseNumberLocale('system');
    expect(store.getState().numberLocale).toBe('de-DE');
  });

  test('a component’s selector of the locale sees a change only when the locale changes', () => {
    const store = createWorkbenchStore();
    const seen: string[] = [];
    store.subscribe((state, previous) => {
      if (state.numberLocale !== previous.numberLocale) seen.push(state.numberLocale);
    });
    store.getState().showScreen('compare');
    store.getState().chooseNumberLocale('fr-FR');
    store.getState().chooseNumberLocale('fr-FR');
    expect(seen).toEqual(['fr-FR']);
  });
});
