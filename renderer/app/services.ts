// What the screens need from the page beyond the store: sql.js (to open uploaded files), the browser's workbook
// storage, the autosave, the replay and import workers' clients, and the clock. Handed down through React context, so screens never reach for globals and
// the desktop shell can hand in its own storage.

import { createContext, useContext } from 'react';
import type { SqlJsStatic } from '../../core/workbook/workbook';
import type { Autosave } from '../state/autosave';
import type { WorkbookStore } from '../storage/workbook-persistence';
import type { ImportClient } from '../workers/import-client';
import type { ReplayClient } from '../workers/replay-client';

export interface WorkbenchServices {
  sqlJs: SqlJsStatic;
  storage: WorkbookStore;
  autosave: Autosave;
  replayClient: ReplayClient;
  importClient: ImportClient;
  now: () => number;
}

export const ServicesContext = createContext<WorkbenchServices | null>(null);

export function useServices(): WorkbenchServices {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('invariant: a screen rendered outside the ServicesContext provider');
  return services;
}
