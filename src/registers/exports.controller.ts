import { Controller, Get, Param, ParseEnumPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { InvalidInputError } from '../common/errors/domain-error.js';
import type { Locale } from '../common/i18n/i18n.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { EXPORT_ENCODINGS, ExportsService, type ExportEncoding, type ExportKind } from './exports.service.js';

@ApiTags('registers')
@Controller('registers/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** The resident register as CSV (coordinators: their districts; the city office: all), with contact details. */
  @Get('residents.csv')
  @Roles('coordinator', 'admin')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'encoding', enum: EXPORT_ENCODINGS, required: false })
  residents(
    @Query('encoding') encoding: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ): StreamableFile {
    return this.send('residents', encoding, actor, locale, response);
  }

  /**
   * Requests, activities (completed, with hours) or feedback as CSV: a school or group gets its own, a
   * coordinator their districts', the city office all.
   */
  @Get(':kind.csv')
  @Roles('requester', 'coordinator', 'admin')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'encoding', enum: EXPORT_ENCODINGS, required: false })
  other(
    @Param('kind', new ParseEnumPipe(['requests', 'activities', 'feedback']))
    kind: Exclude<ExportKind, 'residents'>,
    @Query('encoding') encoding: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ): StreamableFile {
    return this.send(kind, encoding, actor, locale, response);
  }

  private send(
    kind: ExportKind,
    encoding: string | undefined,
    actor: Actor,
    locale: Locale,
    response: Response,
  ): StreamableFile {
    const chosen = (encoding ?? 'utf-8').toLowerCase().replace('sjis', 'shift_jis');
    if (!(EXPORT_ENCODINGS as readonly string[]).includes(chosen)) {
      throw new InvalidInputError([
        { field: 'encoding', code: 'validation.isIn', params: { 0: EXPORT_ENCODINGS.join(', ') } },
      ]);
    }
    const charset = chosen === 'utf-8' ? 'utf-8' : 'Shift_JIS';
    response.setHeader('Content-Type', `text/csv; charset=${charset}`);
    response.setHeader('Content-Disposition', `attachment; filename="${kind}.csv"`);
    return new StreamableFile(this.exports.stream(kind, chosen as ExportEncoding, actor, locale));
  }
}
