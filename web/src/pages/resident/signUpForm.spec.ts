import { EMPTY_SIGN_UP, formFieldOf, signUpBody, signUpDraft, stepOf, type SignUpValues } from './signUpForm';

/** Session storage as the browser has it, for the draft. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const filled: SignUpValues = {
  ...EMPTY_SIGN_UP,
  name: ' 鈴木 花子 ',
  nameKana: 'すずき はなこ',
  email: 'hanako@example.jp',
  phone: '0246-22-1111',
  password: 'a long secret phrase',
  homeDistrictCode: 'taira',
  skills: [{ skillCode: 'disaster.first-aid', level: 4, note: ' ' }],
  learningOutcomes: [
    {
      kind: 'certificate',
      title: '救急法指導員',
      issuer: '',
      achievedOn: null,
      skillCodes: ['disaster.first-aid'],
    },
  ],
  availability: ['6-morning', '6-afternoon'],
  unavailableDates: ['2027-01-02'],
  agreed: true,
};

describe('The sign-up form', () => {
  it('sends what the API expects: trimmed texts, empty notes left out, the grid as weekly windows', () => {
    const body = signUpBody(filled, '2026-04');
    expect(body.name).toBe('鈴木 花子');
    expect(body.skills).toEqual([{ skillCode: 'disaster.first-aid', level: 4 }]);
    expect(body.learningOutcomes).toEqual([
      { kind: 'certificate', title: '救急法指導員', skillCodes: ['disaster.first-aid'] },
    ]);
    expect(body.availability).toEqual([{ weekday: 6, startTime: '09:00', endTime: '17:00' }]);
    expect(body.unavailableDates).toEqual([{ date: '2027-01-02' }]);
    expect(body.consent).toEqual({ version: '2026-04', agreed: true });
  });

  it('sends the resident back to the step where the API found a problem, next to the field', () => {
    expect(formFieldOf('skills[0].level')).toBe('skills.0.level');
    expect(stepOf(formFieldOf('skills[0].level'))).toBe(2);
    expect(stepOf(formFieldOf('email'))).toBe(0);
    expect(formFieldOf('availability[1].endTime')).toBe('availability');
    expect(stepOf(formFieldOf('availability[1].endTime'))).toBe(3);
    expect(formFieldOf('learningOutcomes[0].skillCodes[1]')).toBe('learningOutcomes.0.skillCodes');
    expect(stepOf(formFieldOf('learningOutcomes[0].skillCodes[1]'))).toBe(2);
    expect(formFieldOf('learningOutcomes[0].title')).toBe('learningOutcomes.0.title');
    expect(formFieldOf('consent.agreed')).toBe('agreed');
    expect(stepOf('agreed')).toBe(4);
  });

  it('keeps a draft across a reload, without the password', () => {
    const storage = new MemoryStorage();
    signUpDraft.save(storage, filled, 3);
    expect(storage.getItem('talent-bank.sign-up-draft')).not.toContain('a long secret phrase');
    expect(signUpDraft.load(storage)).toEqual({ values: { ...filled, password: '' }, step: 3 });
    signUpDraft.clear(storage);
    expect(signUpDraft.load(storage)).toBeNull();
  });
});
