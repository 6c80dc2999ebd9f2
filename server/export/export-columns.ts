/**
 * The columns each exported CSV file has, in order: the contract's columns
 * (ANALYSIS-DATASET.md, `DATASET_FILES`) followed by our documented
 * extensions (docs/export.md, "Extensions of the contract"). The analysis
 * reads only the contract's columns and ignores the rest.
 */
import { DATASET_FILES } from '../dataset/write-dataset';

export const EXPORT_EXTENSIONS = {
  /** 1 = answered outside the timepoint's window, accepted by staff with a reason */
  assessments: ['out_of_window'],
} as const satisfies Partial<Record<keyof typeof DATASET_FILES, readonly string[]>>;

type FileKey = keyof typeof DATASET_FILES;
const extensionsOf = (file: FileKey): readonly string[] => (EXPORT_EXTENSIONS as Partial<Record<FileKey, readonly string[]>>)[file] ?? [];

export const EXPORTED_COLUMNS = Object.fromEntries(
  (Object.keys(DATASET_FILES) as FileKey[]).map((file) => [file, [...DATASET_FILES[file], ...extensionsOf(file)]]),
) as unknown as Record<FileKey, readonly string[]>;
