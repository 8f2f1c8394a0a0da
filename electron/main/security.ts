// The desktop window's security settings in one place, as constants main builds the window from and a test reads:
// an isolated, sandboxed page without Node, served from the app's own protocol under a strict Content-Security-Policy
// that loads nothing from anywhere else. Loosening any of them is a deliberate edit here that the test refuses.

/** The app's own scheme and host: the page lives at app://workbench/, never at file:// or on the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Same sources as renderer/index.html's meta tag, plus what only a header can say (frame-ancestors). sql.js compiles
 * its WebAssembly at run time ('wasm-unsafe-eval'); charts draw inline styles and canvas images (blob:, data:).
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** The window's webPreferences, less the preload path (known only at run time). */
export const WINDOW_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

export type WindowWebPreferences = typeof WINDOW_WEB_PREFERENCES & { preload: string };

export function windowWebPreferences(preloadPath: string): WindowWebPreferences {
  return { ...WINDOW_WEB_PREFERENCES, preload: preloadPath };
}

/**
 * True when `url` is a page of the app's own protocol. Parsed, never matched as text: "app://workbench.evil/",
 * "https://x/?app://workbench/" and "app://workbench@evil/" are all someone else's.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
