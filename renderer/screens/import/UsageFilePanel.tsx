// One file of an import (customers or events): the picker, the first rows as they are in the file, and for each
// value the reader needs, the column that gives it: found by its accepted names, or chosen here.

import { useMemo, useRef } from 'react';
import type { FieldRole } from '../../../core/engine/usage/column-mapping';
import type { FilePreview } from './file-preview';
import { roleColumns } from './column-roles';
import { formatCount } from '../../components/amount-format';
import { useWorkbench } from '../../state/store';

export interface PickedFile {
  fileName: string;
  bytes: Uint8Array;
  preview: FilePreview;
  mapping: Partial<Record<string, string>>;
}

interface UsageFilePanelProps {
  title: string;
  roles: readonly FieldRole[];
  picked: PickedFile | null;
  disabled: boolean;
  onPick(file: File): void;
  onMap(key: string, column: string | null): void;
}

export const USAGE_FILE_ACCEPT = '.csv,.ndjson,.jsonl,text/csv,application/x-ndjson';

export function UsageFilePanel({ title, roles, picked, disabled, onPick, onMap }: UsageFilePanelProps) {
  const input = useRef<HTMLInputElement>(null);
  const locale = useWorkbench((state) => state.numberLocale);
  const columns = useMemo(() => (picked === null ? [] : roleColumns(roles, picked.preview.columns, picked.mapping)), [roles, picked]);

  return (
    <section className="panel import-file" aria-label={title}>
      <h3>{title}</h3>
      <div className="actions">
        <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
          {picked === null ? `Choose the ${title.toLowerCase()}…` : 'Choose another file…'}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept={USAGE_FILE_ACCEPT}
          aria-label={title}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file !== undefined) onPick(file);
          }}
        />
        {picked !== null && (
          <span className="hint">
            {picked.fileName} ({formatCount(picked.bytes.length, locale)} bytes, {picked.preview.format === 'ndjson' ? 'NDJSON' : 'CSV'})
          </span>
        )}
      </div>
      {picked !== null && picked.preview.problem !== null && <p className="problem">{picked.preview.problem}</p>}
      {picked !== null && picked.preview.problem === null && (
        <>
          <div className="mapping-grid">
            {columns.map((role) => (
              <label key={role.key} className="field">
                <span>
                  {role.label}
                  {role.required ? '' : ' (optional)'}
                </span>
                <select
                  aria-label={`${title}: column for ${role.label}`}
                  value={role.chosen ? (role.column ?? '') : ''}
                  disabled={disabled}
                  onChange={(event) => onMap(role.key, event.target.value === '' ? null : event.target.value)}
                >
                  <option value="">{role.chosen || role.column === null ? 'Found by name: none' : `Found by name: ${role.column}`}</option>
                  {picked.preview.columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div className="preview-scroller">
            <table className="preview-table" aria-label={`${title}: first rows`}>
              <thead>
                <tr>
                  {picked.preview.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {picked.preview.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, index) => (
                      <td key={index}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
