export class ActivityFigures {
  activities: number;
  hours: number;
  residents: number;
}

/** A part of the year (a field, a district, a month): its activities and how they were rated. */
export class BreakdownFigures extends ActivityFigures {
  /** Mean of every rating (1–5, both sides) given for these activities; null without any. */
  averageRating: number | null;
  ratings: number;
}

export class FieldFigures extends BreakdownFigures {
  /** A skill category, or `other` for a request that asked for no particular skill. */
  fieldCode: string;
}

export class DistrictFigures extends BreakdownFigures {
  /** `online` for requests held online. */
  districtCode: string;
}

export class MonthFigures extends BreakdownFigures {
  /** `2026-04` … `2027-03`. */
  month: string;
}

export class TotalsView extends ActivityFigures {
  /** Residents whose first activity ever was in this year. */
  firstTimeResidents: number;
  /** Their share of the residents active this year, 0–1. */
  firstTimeShare: number;
}

export class HistogramBucket {
  /** `0` … `4`, and `5+`. */
  activities: string;
  residents: number;
}

export class SpreadView {
  gini: number;
  histogram: HistogramBucket[];
}

export class SatisfactionView {
  /** Who gave it: the residents, or the schools and groups. */
  side: 'volunteer' | 'requester';
  average: number | null;
  responses: number;
}

export class CommentView {
  side: 'volunteer' | 'requester';
  rating: number;
  comment: string;
  requestTitle: string;
  fieldCode: string;
  districtCode: string;
  /** The month of the activity, `2026-04`. */
  month: string;
  givenAt: Date;
}

/**
 * What became of the requests whose first session falls in the year (drafts never opened are left out).
 * Each request counts once, under the first of these that is true:
 * - `cancelled`: the school or group called it off (status cancelled), whoever had accepted;
 * - `filled`: as many residents accepted (or completed) as it needed;
 * - `partlyFilled`: it went ahead, or expired, with some of the people it needed but not all;
 * - `expiredNotTaken`: its deadline passed with nobody; the worker had proposed candidates, but none was
 *   approved and accepted in time (rejected, declined, or not answered);
 * - `expiredNoCandidate`: its deadline passed and the worker never found anyone suitable in the register;
 * - `stillOpen`: still looking for people (its deadline has not passed yet).
 */
export class RequestFigures {
  opened: number;
  filled: number;
  partlyFilled: number;
  cancelled: number;
  expiredNotTaken: number;
  expiredNoCandidate: number;
  stillOpen: number;
}

export class FieldRequestFigures extends RequestFigures {
  fieldCode: string;
}

export class DistrictRequestFigures extends RequestFigures {
  districtCode: string;
}

export class MonthRequestFigures extends RequestFigures {
  month: string;
}

export class RequestOutcomesView {
  totals: RequestFigures;
  byField: FieldRequestFigures[];
  byDistrict: DistrictRequestFigures[];
  byMonth: MonthRequestFigures[];
}

/** Which part of the city the report covers. */
export class ReportScopeView {
  /** The districts covered; null for the whole city. */
  districtCodes: string[] | null;
  /** The field covered; null for every field. */
  fieldCode: string | null;
}

/** The fiscal year at a glance (April–March), for the city office. */
export class FiscalYearReportView {
  year: number;
  from: string;
  to: string;
  scope: ReportScopeView;
  totals: TotalsView;
  byField: FieldFigures[];
  byDistrict: DistrictFigures[];
  byMonth: MonthFigures[];
  /**
   * Over every resident active in the register (within the scope: living in its districts, with a skill in
   * its field) and everyone who had an activity in it: those without an activity count as 0.
   */
  spread: SpreadView;
  satisfaction: SatisfactionView[];
  /** Comments with a rating of 3 or less, newest first: what to act on (improvement requests). */
  commentsToActOn: CommentView[];
  requests: RequestOutcomesView;
}
