export class ActivityFigures {
  activities: number;
  hours: number;
  residents: number;
}

export class FieldFigures extends ActivityFigures {
  /** A skill category, or `other` for a request that asked for no particular skill. */
  fieldCode: string;
}

export class DistrictFigures extends ActivityFigures {
  /** `online` for requests held online. */
  districtCode: string;
}

export class MonthFigures extends ActivityFigures {
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
  givenAt: Date;
}

/** The fiscal year at a glance (April–March), for the city office. */
export class FiscalYearReportView {
  year: number;
  from: string;
  to: string;
  totals: TotalsView;
  byField: FieldFigures[];
  byDistrict: DistrictFigures[];
  byMonth: MonthFigures[];
  /** Over every resident active in the register: those without an activity count as 0. */
  spread: SpreadView;
  satisfaction: SatisfactionView[];
  /** Comments with a rating of 3 or less, newest first: what to act on. */
  commentsToActOn: CommentView[];
}
