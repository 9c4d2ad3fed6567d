/** A course a community group planned with a matched instructor, as anyone may see it. */
export class PublicCourseView {
  id: string;
  title: string;
  description: string;
  /** The community group that organises it (and takes applications). */
  organisationName: string;
  /** Where it is held; none when online only. */
  districtCode: string | null;
  venue: string | null;
  online: boolean;
  /** Every session, past ones included, soonest first. */
  sessions: { startsAt: Date; endsAt: Date }[];
  /** How many participants it takes. */
  capacity: number;
  /** What a participant pays, in yen; 0 is free. */
  participantFeeYen: number;
  childcareAvailable: boolean;
  /** The venue's access: `step_free`, `accessible_toilet`, `hearing_loop`, `sign_language`. */
  accessibility: string[];
  /** Fields of learning (skill categories) it is about. */
  fieldCodes: string[];
}

/** Who teaches a course, as its page shows them. */
export class CourseInstructorsView {
  /**
   * Display names (family name and さん) of its instructors who asked to be listed publicly; never a full
   * name or contact details.
   */
  instructorNames: string[];
}

/** One course's page: what the list shows of it, and who teaches it. */
export type PublicCourseDetailView = PublicCourseView & CourseInstructorsView;
