import { displayName } from './proposal.view.js';

describe('The display name a school sees before a resident accepts', () => {
  it('is the family name with さん', () => {
    expect(displayName('鈴木 花子')).toBe('鈴木さん');
    expect(displayName('グエン　ティ　ラン')).toBe('グエンさん');
  });

  it('keeps only the first character of a name written without a space', () => {
    expect(displayName('鈴木花子')).toBe('鈴〇〇さん');
  });
});
