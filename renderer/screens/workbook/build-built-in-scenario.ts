// The workbench builds built-in scenarios exactly as the CLI does: one shared builder in scenarios/.

export { buildBuiltInScenario, builtInScenarioName, type BuiltScenario } from '../../../scenarios/build-into-workbook';
