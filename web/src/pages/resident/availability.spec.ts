import { cellsOf, neighbour, windowsOf, type Cell } from './availability';

describe('The availability grid', () => {
  it('joins ticked neighbours on one day into one window', () => {
    expect(windowsOf(['1-morning', '1-afternoon', '6-evening'])).toEqual([
      { weekday: 1, startTime: '09:00', endTime: '17:00' },
      { weekday: 6, startTime: '17:00', endTime: '21:00' },
    ]);
  });

  it('keeps a gap as two windows: a morning and an evening are not the whole day', () => {
    expect(windowsOf(['3-evening', '3-morning'])).toEqual([
      { weekday: 3, startTime: '09:00', endTime: '12:00' },
      { weekday: 3, startTime: '17:00', endTime: '21:00' },
    ]);
  });

  it('shows windows saved before as the cells they cover, and back to the same windows', () => {
    const cells = cellsOf([
      { weekday: 2, startTime: '09:00', endTime: '17:00' },
      { weekday: 7, startTime: '18:00', endTime: '20:00' },
    ]);
    expect(cells.sort()).toEqual(['2-afternoon', '2-morning', '7-evening'] satisfies Cell[]);
    expect(windowsOf(cells)).toEqual([
      { weekday: 2, startTime: '09:00', endTime: '17:00' },
      { weekday: 7, startTime: '17:00', endTime: '21:00' },
    ]);
  });

  it('moves focus with the arrow keys and stops at the edges', () => {
    expect(neighbour(1, 0, 'ArrowRight')).toEqual({ weekday: 2, partIndex: 0 });
    expect(neighbour(1, 0, 'ArrowDown')).toEqual({ weekday: 1, partIndex: 1 });
    expect(neighbour(1, 0, 'ArrowLeft')).toEqual({ weekday: 1, partIndex: 0 });
    expect(neighbour(7, 2, 'ArrowDown')).toEqual({ weekday: 7, partIndex: 2 });
    expect(neighbour(3, 1, 'Enter')).toBeNull();
  });
});
