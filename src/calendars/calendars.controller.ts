import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Public, Roles, type Actor } from '../common/actor/actor.js';
import type { Locale } from '../common/i18n/i18n.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CalendarsService } from './calendars.service.js';
import { CalendarFeedView, CreateCalendarFeedDto } from './dto/calendar-feed.dto.js';

const ICS_BODY = { schema: { type: 'string' }, description: 'An iCalendar (RFC 5545) document.' };

/** Headers of a calendar, set only once it is there: an error keeps its JSON body and type. */
function sendAsCalendar(response: Response, filename?: string): void {
  response.type('text/calendar; charset=utf-8');
  if (filename) response.attachment(filename);
  else response.set('Cache-Control', 'private, no-cache');
}

@ApiTags('calendars')
@Controller()
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  /** One confirmed activity's sessions as an `.ics` file, to add to a calendar. */
  @Get('proposals/:id/calendar.ics')
  @Roles('volunteer', 'requester', 'coordinator', 'admin')
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS_BODY)
  async activity(
    @UuidParam() id: string,
    @CurrentActor() actor: Actor,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const calendar = await this.calendars.activityCalendar(id, actor, locale);
    sendAsCalendar(response, 'activity.ics');
    return calendar;
  }

  /**
   * A private feed URL for a calendar app to subscribe to: a resident's own activities, or a requester's
   * organisation's. The URL is in this answer only; making a new one revokes the old.
   */
  @Post('calendar-feeds')
  @Roles('volunteer', 'requester')
  createFeed(@Body() dto: CreateCalendarFeedDto, @CurrentActor() actor: Actor): Promise<CalendarFeedView> {
    return this.calendars.createFeed(dto, actor);
  }

  @Get('calendar-feeds')
  @Roles('volunteer', 'requester')
  listFeeds(@CurrentActor() actor: Actor): Promise<CalendarFeedView[]> {
    return this.calendars.listFeeds(actor);
  }

  @Delete('calendar-feeds/:id')
  @HttpCode(204)
  @Roles('volunteer', 'requester')
  revokeFeed(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.calendars.revokeFeed(id, actor);
  }

  /** What a calendar app polls: `<secret>.ics`, no sign-in. A revoked or unknown secret is a 404. */
  @Get('calendar-feeds/:file')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS_BODY)
  async feed(
    @Param('file') file: string,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const calendar = await this.calendars.feedCalendar(file, locale);
    sendAsCalendar(response);
    return calendar;
  }
}
