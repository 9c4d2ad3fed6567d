import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles, SignedIn, type Actor } from '../common/actor/actor.js';
import {
  AnswerDto,
  AnswerLinkView,
  NotificationQueryDto,
  NotificationRecordView,
  NotificationSettingsDto,
  NotificationSettingsView,
  UnsubscribedView,
} from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The proposal an approval mail's link answers, for the page that shows it before answering. */
  @Public()
  @Get('answer-links/:token')
  answerLink(@Param('token') token: string): Promise<AnswerLinkView> {
    return this.notifications.answerLink(token);
  }

  /** Accept or decline through the link in the approval mail, without signing in; the link works once. */
  @Public()
  @Post('answer-links/:token')
  @HttpCode(200)
  answer(@Param('token') token: string, @Body() dto: AnswerDto): Promise<AnswerLinkView> {
    return this.notifications.answer(token, dto);
  }

  /**
   * Stops the kind of message whose link this is. Also the target of mail programs' one-click
   * unsubscribe (RFC 8058), which posts `List-Unsubscribe=One-Click`.
   */
  @Public()
  @Post('unsubscribe/:token')
  @HttpCode(200)
  unsubscribe(@Param('token') token: string): Promise<UnsubscribedView> {
    return this.notifications.unsubscribe(token);
  }

  /** The language mail is written in, and the kinds of message stopped. */
  @SignedIn()
  @Get('notification-settings')
  settings(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.notifications.settings(actor);
  }

  @SignedIn()
  @Put('notification-settings')
  changeSettings(
    @Body() dto: NotificationSettingsDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationSettingsView> {
    return this.notifications.changeSettings(actor, dto);
  }

  /** Whether someone was told: the messages about a request or to a resident, and what became of them. */
  @Roles('coordinator', 'admin')
  @Get('notifications')
  records(
    @Query() query: NotificationQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationRecordView[]> {
    return this.notifications.records(query, actor);
  }
}
