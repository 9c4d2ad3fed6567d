/**
 * The weekly availability grid: weekdays × parts of the day. A resident ticks cells; the API keeps
 * windows (weekday, start, end), so ticked neighbours on one day become one window.
 */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const DAY_PARTS = [
  { key: 'morning', start: '09:00', end: '12:00' },
  { key: 'afternoon', start: '12:00', end: '17:00' },
  { key: 'evening', start: '17:00', end: '21:00' },
] as const;

export type DayPart = (typeof DAY_PARTS)[number]['key'];

/** A ticked cell, e.g. `6-evening` for Saturday evening. */
export type Cell = `${number}-${DayPart}`;

export const cellOf = (weekday: number, part: DayPart): Cell => `${weekday}-${part}`;

export interface AvailabilityWindow {
  weekday: number;
  startTime: string;
  endTime: string;
}

/** The windows the ticked cells make, adjacent parts of one day joined, in weekday and time order. */
export function windowsOf(cells: readonly Cell[]): AvailabilityWindow[] {
  const ticked = new Set(cells);
  const windows: AvailabilityWindow[] = [];
  for (const weekday of WEEKDAYS) {
    let open: AvailabilityWindow | null = null;
    for (const part of DAY_PARTS) {
      if (!ticked.has(cellOf(weekday, part.key))) {
        open = null;
      } else if (open && open.endTime === part.start) {
        open.endTime = part.end;
      } else {
        open = { weekday, startTime: part.start, endTime: part.end };
        windows.push(open);
      }
    }
  }
  return windows;
}

/** The cells a window covers: every part of the day it overlaps. */
export function cellsOf(windows: readonly AvailabilityWindow[]): Cell[] {
  return windows.flatMap((window) =>
    DAY_PARTS.filter((part) => part.start < window.endTime && window.startTime < part.end).map((part) =>
      cellOf(window.weekday, part.key),
    ),
  );
}

/** Where focus goes from a cell when an arrow key is pressed (it stops at the grid's edges). */
export function neighbour(
  weekday: number,
  partIndex: number,
  key: string,
): { weekday: number; partIndex: number } | null {
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const move = moves[key];
  if (!move) return null;
  const next = { weekday: weekday + move[0], partIndex: partIndex + move[1] };
  const inside =
    next.weekday >= 1 && next.weekday <= 7 && next.partIndex >= 0 && next.partIndex < DAY_PARTS.length;
  return inside ? next : { weekday, partIndex };
}
