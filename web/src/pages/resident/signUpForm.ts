import type { components } from '../../api/schema';
import { profileBody, type ProfileValues } from './profileForm';

export type SignUpBody = components['schemas']['SignUpDto'];

/** What the sign-up form holds while a resident fills it in, step by step: the profile, and who they are. */
export interface SignUpValues extends ProfileValues {
  name: string;
  nameKana: string;
  password: string;
  agreed: boolean;
}

export const EMPTY_SIGN_UP: SignUpValues = {
  name: '',
  nameKana: '',
  email: '',
  phone: '',
  password: '',
  homeDistrictCode: '',
  travelDistrictCodes: [],
  onlineAvailable: false,
  languages: ['ja'],
  skills: [],
  learningOutcomes: [],
  availability: [],
  unavailableDates: [],
  monthlyCap: 2,
  listedPublicly: false,
  agreed: false,
};

/** The form's steps, each with the fields it asks for (a field's errors send the resident back there). */
export const SIGN_UP_STEPS = [
  { key: 'aboutYou', fields: ['name', 'nameKana', 'email', 'phone', 'password'] },
  { key: 'where', fields: ['homeDistrictCode', 'travelDistrictCodes', 'onlineAvailable', 'languages'] },
  { key: 'skills', fields: ['skills', 'learningOutcomes'] },
  { key: 'when', fields: ['availability', 'unavailableDates', 'monthlyCap'] },
  { key: 'agree', fields: ['listedPublicly', 'agreed'] },
] as const satisfies readonly { key: string; fields: readonly (keyof SignUpValues)[] }[];

/**
 * Where the API's field path (`skills[0].level`, `consent.agreed`, `availability[2].endTime`) shows in
 * the form (`skills.0.level`, `agreed`, `availability`): the grid and the date list show their errors as
 * a whole, an outcome's skills as one list, and consent is the agreement box.
 */
export function formFieldOf(apiField: string): string {
  const path = apiField.replace(/\[(\d+)\]/g, '.$1');
  if (path.startsWith('consent')) return 'agreed';
  if (path.startsWith('availability') || path.startsWith('unavailableDates')) return path.split('.')[0];
  return path.replace(/^(learningOutcomes\.\d+\.skillCodes)\..*$/, '$1');
}

/** The step a form field belongs to (the first step when it is none of theirs). */
export function stepOf(formField: string): number {
  const top = formField.split('.')[0];
  const step = SIGN_UP_STEPS.findIndex((candidate) => (candidate.fields as readonly string[]).includes(top));
  return Math.max(step, 0);
}

/** The body of `POST /volunteers/signup`: the profile as the API takes it, who they are, and consent. */
export function signUpBody(values: SignUpValues, noticeVersion: string): SignUpBody {
  return {
    name: values.name.trim(),
    nameKana: values.nameKana.trim(),
    password: values.password,
    ...profileBody(values),
    consent: { version: noticeVersion, agreed: values.agreed as true },
  };
}

const DRAFT_KEY = 'talent-bank.sign-up-draft';

/**
 * Kept in this tab's session storage so a reload loses nothing; gone when the tab closes, so a shared
 * computer keeps no one's details. The password is never kept.
 */
export const signUpDraft = {
  load(storage: Storage): { values: SignUpValues; step: number } | null {
    try {
      const saved = JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null') as {
        values: Partial<SignUpValues>;
        step: number;
      } | null;
      return saved ? { values: { ...EMPTY_SIGN_UP, ...saved.values, password: '' }, step: saved.step } : null;
    } catch {
      return null;
    }
  },
  save(storage: Storage, values: SignUpValues, step: number): void {
    const { password: _password, ...kept } = values;
    storage.setItem(DRAFT_KEY, JSON.stringify({ values: kept, step }));
  },
  clear(storage: Storage): void {
    storage.removeItem(DRAFT_KEY);
  },
};
