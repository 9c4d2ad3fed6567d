import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import type { Locale } from '../common/i18n/i18n.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { ApiPageOf, type Page } from '../common/pagination/pagination.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  ImportRowQueryDto,
  ImportRowView,
  ImportRunView,
  ImportUploadDto,
  StartImportDto,
} from './dto/import.dto.js';
import { ImportsService, type UploadedCsv } from './imports.service.js';

@ApiTags('registers')
@Controller('registers/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /**
   * Uploads a register (CSV, Shift_JIS or UTF-8) as `file`, with `kind` and optionally `encoding` and
   * `dryRun`. The rows are weighed (or applied) by the worker: follow the run with `GET /registers/imports/{id}`.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('coordinator', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @UseInterceptors(FileInterceptor('file'))
  start(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() dto: StartImportDto,
    @CurrentActor() actor: Actor,
  ): Promise<ImportRunView> {
    return this.imports.start(file, dto, actor);
  }

  /** The caller's latest imports (the city office: everyone's). */
  @Get()
  @Roles('coordinator', 'admin')
  list(@CurrentActor() actor: Actor): Promise<ImportRunView[]> {
    return this.imports.list(actor);
  }

  /** A run's status, progress and counts. */
  @Get(':id')
  @Roles('coordinator', 'admin')
  findOne(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ImportRunView> {
    return this.imports.findOne(id, actor);
  }

  /** What became (or would become) of each row, with reasons in the caller's language. */
  @ApiPageOf(ImportRowView)
  @Get(':id/rows')
  @Roles('coordinator', 'admin')
  rows(
    @UuidParam() id: string,
    @Query() query: ImportRowQueryDto,
    @CurrentActor() actor: Actor,
    @RequestLocale() locale: Locale,
  ): Promise<Page<ImportRowView>> {
    return this.imports.rows(id, query, actor, locale);
  }

  /** Applies the file of a finished dry run. */
  @Post(':id/apply')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('coordinator', 'admin')
  apply(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ImportRunView> {
    return this.imports.apply(id, actor);
  }
}
