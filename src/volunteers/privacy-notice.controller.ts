import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor/actor.js';
import type { Locale } from '../common/i18n/i18n.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { AppConfig } from '../config/app-config.js';
import { PrivacyNoticeView } from './dto/privacy-notice.view.js';
import { PRIVACY_NOTICE } from './privacy-notice.js';

@ApiTags('volunteers')
@Controller('privacy-notice')
export class PrivacyNoticeController {
  constructor(private readonly config: AppConfig) {}

  /** The privacy notice in force, in full, in the caller's language (Accept-Language). Open to anyone. */
  @Public()
  @Get()
  current(@RequestLocale() locale: Locale): PrivacyNoticeView {
    return { version: this.config.PRIVACY_NOTICE_VERSION, ...PRIVACY_NOTICE[locale] };
  }
}
