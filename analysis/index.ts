/** Public entry of the cost-effectiveness analysis. */
export { analyzeTrial, type AnalyzeOptions, type AnalysisProgress } from './pipeline';
export { resolveSettings, DEFAULT_SETTINGS, type AnalysisSettings, type SettingsProblem } from './settings';
export { validateDataset, type DatasetProblem } from './dataset/validate';
export { AnalysisDataError } from './messages';
export { quadrantInWords } from './cea/quadrant';
export type { AnalysisResult } from './result';
