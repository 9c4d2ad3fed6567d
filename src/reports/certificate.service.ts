import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mayHandleResident } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';
import { japanDate } from '../common/japan-time.js';
import { AppConfig } from '../config/app-config.js';
import type { CertificateQueryDto } from './dto/certificate.dto.js';
import { PdfRenderer } from './print/pdf-renderer.js';
import { escapeHtml, html, officialDate, printPage, table } from './print/print-page.js';
import { fiscalYearDates } from './reports.service.js';

interface CompletedActivity {
  day: string;
  organisation: string;
  title: string;
  hours: number;
}

/**
 * The participation certificate (活動証明書): the city office certifies a resident's completed activities
 * in a period, with their total hours, e.g. for a school, an employer or a volunteer award.
 */
@Injectable()
export class CertificateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly pdf: PdfRenderer,
  ) {}

  /** The resident themself, and staff covering where they live; for anyone else the resident is not there. */
  async certificatePdf(volunteerId: string, query: CertificateQueryDto, actor: Actor): Promise<Buffer> {
    const [resident] = await this.dataSource.query<
      { id: string; name: string; home_district_code: string }[]
    >('SELECT id, name, home_district_code FROM volunteers WHERE id = $1', [volunteerId]);
    if (
      !resident ||
      !mayHandleResident(actor, { id: resident.id, homeDistrictCode: resident.home_district_code })
    )
      throw new NotFoundError('volunteer', volunteerId);
    const now = this.clock.now();
    const today = japanDate(now);
    const thisYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
    const from = query.from ?? fiscalYearDates(thisYear).from;
    const to = query.to ?? fiscalYearDates(thisYear).to;
    if (to < from) throw new InvalidInputError([{ field: 'to', code: 'validation.endAfterStart' }]);
    const activities = await this.dataSource.query<CompletedActivity[]>(
      `SELECT (first_slot.starts_at AT TIME ZONE 'Asia/Tokyo')::date::text AS day, o.name AS organisation,
              r.title, p.hours::float AS hours
         FROM proposals p
         JOIN requests r ON r.id = p.request_id
         JOIN organisations o ON o.id = r.organisation_id
         CROSS JOIN LATERAL (SELECT min(starts_at) AS starts_at FROM request_slots WHERE request_id = r.id) first_slot
        WHERE p.volunteer_id = $1 AND p.status = 'completed'
          AND (first_slot.starts_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $2::date AND $3::date
        ORDER BY first_slot.starts_at, r.title`,
      [volunteerId, from, to],
    );
    return this.pdf.render(
      certificateHtml(resident.name, { from, to }, activities, this.config.CERTIFICATE_ISSUER, now),
    );
  }
}

function certificateHtml(
  name: string,
  period: { from: string; to: string },
  activities: CompletedActivity[],
  issuer: string,
  issuedAt: Date,
): string {
  // Hours are recorded in quarter or half hours; summing in hundredths keeps 0.1 + 0.2 from printing oddly.
  const totalHours = activities.reduce((sum, activity) => sum + Math.round(activity.hours * 100), 0) / 100;
  return printPage('活動証明書', [
    html(`<p class="right">${escapeHtml(officialDate(issuedAt))}</p>
<h1 style="margin-top: 8mm; letter-spacing: 0.5em;">活動証明書</h1>
<p style="font-size: 13pt; margin-top: 8mm;">${escapeHtml(name)}&#12288;様</p>
<p class="right" style="margin: 6mm 0;">${escapeHtml(issuer)}</p>
<p style="margin: 6mm 0;">あなたが人材バンクの登録者として、下記のとおり生涯学習の活動に従事されたことを証明します。</p>
<p class="center">記</p>
<p>対象期間: ${escapeHtml(officialDate(period.from))} から ${escapeHtml(officialDate(period.to))} まで</p>`),
    activities.length === 0
      ? html('<p>この期間に完了した活動はありません。</p>')
      : table(
          ['活動日', '依頼団体', '活動内容', '時間'],
          activities.map((activity) => [
            officialDate(activity.day),
            activity.organisation,
            activity.title,
            activity.hours,
          ]),
        ),
    html(`<p style="font-size: 12pt;">活動件数 ${activities.length} 件&#12288;活動時間 合計 ${escapeHtml(totalHours)} 時間</p>
<p class="right" style="margin-top: 8mm;">以上</p>`),
  ]);
}
