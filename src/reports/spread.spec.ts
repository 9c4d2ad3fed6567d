import { gini, histogram } from './spread.js';

describe('How evenly chances are spread', () => {
  it('is 0 when everyone had the same number of activities', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
  });

  it('approaches 1 when one resident had them all and the others none', () => {
    expect(gini([0, 0, 0, 10])).toBe(0.75);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 10])).toBe(0.9);
  });

  it('matches the textbook value for a small city', () => {
    // Mean absolute difference over all ordered pairs, over twice the mean: (1+2+1)·2 / 9 / (2·2) = 2/9.
    expect(gini([1, 2, 3])).toBeCloseTo(0.2222, 4);
  });

  it('counts residents by activities, five or more together', () => {
    expect(histogram([0, 0, 1, 3, 5, 9])).toEqual([
      { activities: '0', residents: 2 },
      { activities: '1', residents: 1 },
      { activities: '2', residents: 0 },
      { activities: '3', residents: 1 },
      { activities: '4', residents: 0 },
      { activities: '5+', residents: 2 },
    ]);
  });
});
