// One pass over a CSV or NDJSON file, fed in chunks: the format is fixed up front, bytes go through the chunk
// joiner to the format's row source, and the row handler sees whole rows. Problems with the file as a whole
// (unknown format, UTF-16, no header) are added when the input ends.

import { ChunkJoiner } from './chunk-joiner';
import type { ColumnMapping, FieldRole } from './column-mapping';
import { CsvRowSource } from './csv-row-source';
import type { UsageFileFormat } from './file-format';
import { formatFromFileName, UNKNOWN_FORMAT_DETAIL } from './file-format';
import { IssueCollector } from './import-error';
import { NdjsonRowSource } from './ndjson-row-source';
import type { RowHandler } from './row-slots';

export class TableReading {
  readonly issues: IssueCollector;
  private readonly joiner: ChunkJoiner | null = null;
  private readonly source: CsvRowSource | NdjsonRowSource | null = null;
  private unknownBytes = 0;

  constructor(
    readonly fileName: string,
    format: UsageFileFormat | undefined,
    roles: readonly FieldRole[],
    mapping: ColumnMapping<string> | undefined,
    handler: RowHandler,
    /** An example header for the "no header" message: "time,customer_id,feature,quantity". */
    private readonly exampleHeader: string,
  ) {
    this.issues = new IssueCollector(fileName);
    const chosen = format ?? formatFromFileName(fileName);
    if (chosen === null) return;
    this.source = chosen === 'csv' ? new CsvRowSource(roles, mapping, this.issues, handler) : new NdjsonRowSource(roles, mapping, this.issues, handler);
    this.joiner = new ChunkJoiner(this.source);
  }

  get bytesRead(): number {
    return this.joiner === null ? this.unknownBytes : this.joiner.bytesRead;
  }

  get rowsRead(): number {
    return this.source === null ? 0 : this.source.rows;
  }

  push(chunk: Uint8Array): void {
    if (this.joiner === null) this.unknownBytes += chunk.length;
    else this.joiner.push(chunk);
  }

  finish(): void {
    if (this.joiner === null || this.source === null) {
      this.issues.add('unknown_format', 0, null, null, UNKNOWN_FORMAT_DETAIL);
      return;
    }
    this.joiner.finish();
    if (this.joiner.utf16) {
      this.issues.add('unsupported_encoding', 0, null, null, 'the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) and import it again.');
    } else if (this.source instanceof CsvRowSource && !this.source.hasHeader) {
      this.issues.add('missing_header', 0, null, null, `the file is empty; expected a header line such as ${this.exampleHeader}.`);
    }
  }
}
