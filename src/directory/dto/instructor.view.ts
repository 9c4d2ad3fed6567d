/** A resident as the public register shows them: never a full name, an id or contact details. */
export class PublicInstructorView {
  /** Family name and さん (鈴木さん). */
  displayName: string;
  homeDistrictCode: string;
  travelDistrictCodes: string[];
  online: boolean;
  languages: string[];
  skills: { skillCode: string; level: number }[];
  /** When they are usually free. */
  freeAt: ('weekdayDaytime' | 'evening' | 'weekend')[];
}
