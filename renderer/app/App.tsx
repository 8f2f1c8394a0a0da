// The workbench shell: the title, a nav of the seven screens on the left, the screen in front, and whether the
// workbook's latest change is saved, and the choice of how numbers are written. Ctrl/Cmd+S saves now wherever the
// user is.
// Each screen is one line of SCREENS.

import type { ReactNode } from 'react';
import { NumberFormatChooser } from './NumberFormatChooser';
import { SaveIndicator } from './SaveIndicator';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { usePageStateAttributes } from './page-state-attributes';
import { useServices } from './services';
import { useShortcut } from './use-shortcut';
import { WorkbookScreen } from '../screens/workbook/WorkbookScreen';
import { CompareScreen } from '../screens/compare/CompareScreen';
import { ImportScreen } from '../screens/import/ImportScreen';
import { FinanceScreen } from '../screens/finance/FinanceScreen';
import { EditorScreen } from '../screens/editor/EditorScreen';
import { ExportScreen } from '../screens/export/ExportScreen';
import { RebalanceScreen } from '../screens/rebalance/RebalanceScreen';
import { useWorkbench } from '../state/store';
import type { ScreenId } from '../state/ui-slice';

interface ScreenEntry {
  id: ScreenId;
  label: string;
  render: () => ReactNode;
}

const SCREENS: readonly ScreenEntry[] = [
  { id: 'workbook', label: 'Workbook', render: () => <WorkbookScreen /> },
  { id: 'import', label: 'Import', render: () => <ImportScreen /> },
  { id: 'editor', label: 'Price books', render: () => <EditorScreen /> },
  { id: 'compare', label: 'Compare', render: () => <CompareScreen /> },
  { id: 'rebalance', label: 'Rebalance', render: () => <RebalanceScreen /> },
  { id: 'finance', label: 'Finance', render: () => <FinanceScreen /> },
  { id: 'export', label: 'Export', render: () => <ExportScreen /> },
];

export function App() {
  const screen = useWorkbench((state) => state.screen);
  const showScreen = useWorkbench((state) => state.showScreen);
  const { autosave } = useServices();
  usePageStateAttributes();
  useShortcut({ key: 's' }, () => void autosave.saveNow());
  const current = SCREENS.find((entry) => entry.id === screen) ?? SCREENS[0];

  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Credit Workbench</h1>
        <NumberFormatChooser />
        <SaveIndicator />
      </header>
      <nav className="shell-nav" aria-label="Screens">
        <ul>
          {SCREENS.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="nav-button"
                aria-current={entry.id === current.id ? 'page' : undefined}
                onClick={() => showScreen(entry.id)}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main">
        <ScreenErrorBoundary screen={current.id}>{current.render()}</ScreenErrorBoundary>
      </main>
    </div>
  );
}
