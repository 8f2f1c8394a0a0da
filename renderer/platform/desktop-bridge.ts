// The renderer's side of the desktop bridge: `window.creditWorkbench`, typed from the one IPC contract the preload
// implements, present only in the desktop window. In a plain browser it is absent, and the page keeps its workbook in
// the browser's storage as before.

import { BRIDGE_GLOBAL_NAME, type CreditWorkbenchApi } from '../../electron/ipc-contract';

declare global {
  /** Put there by the desktop app's preload; undefined in a browser. */
  var creditWorkbench: CreditWorkbenchApi | undefined;
}

/** The desktop bridge when the page runs in the desktop window; null in a browser. */
export function desktopBridge(host: { readonly [BRIDGE_GLOBAL_NAME]?: CreditWorkbenchApi } = globalThis): CreditWorkbenchApi | null {
  return host[BRIDGE_GLOBAL_NAME] ?? null;
}

export function isDesktop(host?: { readonly [BRIDGE_GLOBAL_NAME]?: CreditWorkbenchApi }): boolean {
  return desktopBridge(host) !== null;
}
