import { skillOrFieldFilter } from './skillSearch';

const options = [
  {
    group: '防災',
    items: [
      { value: 'disaster.first-aid', label: '応急手当' },
      { value: 'disaster.evacuation-drills', label: '避難訓練' },
    ],
  },
  {
    group: 'Sports and health',
    items: [
      { value: 'sports.swimming', label: 'Swimming' },
      { value: 'sports.nutrition', label: 'Food education and nutrition' },
    ],
  },
];

const search = (text: string, limit = Infinity) => skillOrFieldFilter({ options, search: text, limit });

describe('Finding a skill', () => {
  it("lists every skill of a field when the field's name is typed", () => {
    expect(search('防災')).toEqual([options[0]]);
  });

  it('finds a skill by part of its own name, under its field, whatever the case', () => {
    expect(search('応急')).toEqual([{ group: '防災', items: [options[0].items[0]] }]);
    expect(search(' SWIM')).toEqual([{ group: 'Sports and health', items: [options[1].items[0]] }]);
    expect(search('health')).toEqual([options[1]]);
  });

  it('lists everything before anything is typed, and nothing for a word no skill or field has', () => {
    expect(search('')).toEqual(options);
    expect(search('書道')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(search('', 3)).toEqual([options[0], { group: 'Sports and health', items: [options[1].items[0]] }]);
  });
});
