import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FEED_OWNERS, type FeedOwner } from '../calendar-feed.entity.js';

export class CreateCalendarFeedDto {
  /** `resident`: my own activities (a resident); `organisation`: my organisation's (a requester). */
  @IsIn(FEED_OWNERS)
  owner: FeedOwner;

  /** Which organisation, for a requester who acts for more than one. */
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

/** A live feed. Its URL holds the secret, so it appears only in the answer that made it. */
export class CalendarFeedView {
  id: string;
  owner: FeedOwner;
  organisation: { id: string; name: string } | null;
  createdAt: Date;
  /** The private URL to subscribe to; only when the feed has just been made. */
  url?: string;
}
