import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { REGISTER_KINDS, type RegisterKind } from '../columns.js';
import { CSV_ENCODINGS, type CsvEncoding } from '../csv-file.js';
import { IMPORT_STATUSES, ROW_OUTCOMES, type ImportStatus, type RowOutcome } from '../import-run.entity.js';

/** The form fields sent with the file (multipart/form-data). */
export class StartImportDto {
  @IsIn(REGISTER_KINDS)
  kind: RegisterKind;

  /** `auto` (default) reads a BOM or valid UTF-8 as UTF-8, anything else as Shift_JIS (CP932). */
  @IsOptional()
  @IsIn(CSV_ENCODINGS)
  encoding?: CsvEncoding;

  /** `true` (default): only show what would happen; apply it afterwards with `POST /imports/{id}/apply`. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

/** The multipart body, for the API document. */
export class ImportUploadDto extends StartImportDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;
}

export class ImportRowQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ROW_OUTCOMES)
  outcome?: RowOutcome;
}

export class OutcomeCountsView {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export class ImportRunView {
  id: string;
  @ApiProperty({ enum: REGISTER_KINDS })
  kind: RegisterKind;
  @ApiProperty({ enum: IMPORT_STATUSES })
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  encoding: string;
  /** Headings that name no field: their cells were not read. */
  unknownColumns: string[];
  totalRows: number;
  processedRows: number;
  counts: OutcomeCountsView;
  failure: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export class RowReasonView {
  /** The column, as headed in the file ('' for the row as a whole). */
  column: string;
  code: string;
  message: string;
}

export class ImportRowView {
  /** The row's line in the file (the header is line 1). */
  line: number;
  @ApiProperty({ enum: ROW_OUTCOMES })
  outcome: RowOutcome;
  reasons: RowReasonView[];
  changedColumns: string[];
  subjectId: string | null;
}
