/** A course a community group planned with a matched instructor, as anyone may see it. */
export class PublicCourseView {
  id: string;
  title: string;
  description: string;
  organisationName: string;
  districtCode: string | null;
  venue: string | null;
  online: boolean;
  sessions: { startsAt: Date; endsAt: Date }[];
  capacity: number;
  participantFeeYen: number;
  childcareAvailable: boolean;
  accessibility: string[];
  fieldCodes: string[];
}
