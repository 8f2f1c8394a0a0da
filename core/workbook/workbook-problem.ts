// Failures a user can cause with a workbook (a foreign file, a newer file, a name that is not there) are values with
// a named code and a plain sentence; only broken invariants throw.

export type WorkbookProblemCode =
  | 'workbook_not_a_workbook'
  | 'workbook_damaged'
  | 'workbook_too_new'
  | 'workbook_migration_failed'
  | 'price_book_invalid'
  | 'price_book_not_found'
  | 'price_book_version_not_found'
  | 'dataset_not_found'
  | 'dataset_name_taken'
  | 'dataset_name_empty'
  | 'customer_not_found'
  | 'usage_import_failed'
  | 'scenario_not_found'
  | 'scenario_name_taken'
  | 'scenario_without_candidates'
  | 'scenario_options_invalid'
  | 'run_not_found'
  | 'price_book_export_hash_invalid'
  | 'price_book_export_form_unknown'
  | 'price_book_export_via_unknown'
  | 'price_book_export_file_name_empty'
  | 'price_book_export_text_mismatch'
  | 'price_book_export_version_mismatch';

export interface WorkbookProblem {
  code: WorkbookProblemCode;
  /** One plain sentence a user can act on. */
  message: string;
}

export type WorkbookResult<T> = { ok: true; value: T } | { ok: false; problem: WorkbookProblem };

export function succeed<T>(value: T): WorkbookResult<T> {
  return { ok: true, value };
}

export function fail<T>(code: WorkbookProblemCode, message: string): WorkbookResult<T> {
  return { ok: false, problem: { code, message } };
}
