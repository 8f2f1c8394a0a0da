// The Compare screen: pick a baseline, up to four candidates and a dataset, replay them in the worker, and read the
// results side by side. It says plainly what a replay of history cannot know.

import { useEffect } from 'react';
import { useServices } from '../../app/services';
import { useShortcut } from '../../app/use-shortcut';
import { useWorkbench, workbenchStore } from '../../state/store';
import { listScenarios } from '../../../core/workbook/repositories/scenarios';
import { cancelComparison, runComparison } from './compare-actions';
import { ComparisonChooser } from './ComparisonChooser';
import { ComparisonResults } from './ComparisonResults';

export const REPLAY_LIMITS_TEXT =
  'A replay shows what each book would have charged for the usage that actually happened. It cannot know how customers ' +
  'would have reacted to the new prices: who would have used less, bought more, changed plan or left. Read the figures ' +
  'as the first effect of a price change, before any change in behaviour.';

export function CompareScreen() {
  const services = useServices();
  const result = useWorkbench((state) => state.comparisonResult);
  const workbook = useWorkbench((state) => state.workbook);
  const hasChoice = useWorkbench((state) => state.comparison.baselineVersionId !== null);
  const chooseComparison = useWorkbench((state) => state.chooseComparison);

  // A first visit starts from the workbook's first scenario, so the demo compares with one click.
  useEffect(() => {
    if (workbook === null || hasChoice) return;
    const scenario = listScenarios(workbook)[0];
    if (scenario !== undefined) {
      chooseComparison({ baselineVersionId: scenario.baselineVersionId, candidateVersionIds: scenario.candidateVersionIds, datasetId: scenario.datasetId });
    }
  }, [workbook, hasChoice, chooseComparison]);

  const run = (): void => {
    runComparison(workbenchStore, services.replayClient, services.now).catch((error: unknown) => {
      workbenchStore.getState().replayFailed(`The replay failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  useShortcut({ key: 'Enter' }, run);

  return (
    <>
      <p className="limits-note" id="replay-limits">
        {REPLAY_LIMITS_TEXT}
      </p>
      <ComparisonChooser onRun={run} onCancel={() => cancelComparison(workbenchStore, services.replayClient)} />
      {result !== null && <ComparisonResults result={result} />}
    </>
  );
}
