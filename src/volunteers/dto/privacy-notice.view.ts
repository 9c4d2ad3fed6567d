export class NoticeSectionView {
  heading: string;
  paragraphs: string[];
}

/** The privacy notice in force, in the reader's language, shown in full before a resident agrees. */
export class PrivacyNoticeView {
  /** The version to send back with the resident's consent. */
  version: string;
  title: string;
  sections: NoticeSectionView[];
}
