import { Input, Table, UnstyledButton } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cellOf, DAY_PARTS, neighbour, WEEKDAYS, type Cell } from './availability';
import classes from './AvailabilityGrid.module.css';

interface Props {
  value: Cell[];
  onChange: (cells: Cell[]) => void;
  error?: string;
}

/**
 * Weekdays × parts of the day, each cell a toggle button: tapped on a phone, or reached with the arrow
 * keys (one tab stop for the whole grid) and toggled with Space or Enter.
 */
export function AvailabilityGrid({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const weekdays = t('signUp.weekdays', { returnObjects: true }) as string[];
  const weekdayNames = t('signUp.weekdayNames', { returnObjects: true }) as string[];
  const [focused, setFocused] = useState({ weekday: 1, partIndex: 0 });
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const ticked = new Set(value);

  const toggle = (cell: Cell) =>
    onChange(ticked.has(cell) ? value.filter((other) => other !== cell) : [...value, cell]);

  const move = (event: KeyboardEvent, weekday: number, partIndex: number) => {
    const next = neighbour(weekday, partIndex, event.key);
    if (!next) return;
    event.preventDefault();
    setFocused(next);
    buttons.current.get(`${next.weekday}-${next.partIndex}`)?.focus();
  };

  return (
    <Input.Wrapper
      label={t('signUp.availabilityTitle')}
      description={t('signUp.availabilityHint')}
      error={error}
      id="availability"
    >
      <Table className={classes.grid} withTableBorder withColumnBorders mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Td />
            {WEEKDAYS.map((weekday) => (
              <Table.Th key={weekday} scope="col" ta="center">
                <abbr title={weekdayNames[weekday - 1]}>{weekdays[weekday - 1]}</abbr>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DAY_PARTS.map((part, partIndex) => (
            <Table.Tr key={part.key}>
              <Table.Th scope="row" className={classes.rowHeader}>
                {t(`signUp.dayParts.${part.key}`)}
                <span className={classes.hours}>
                  {part.start}–{part.end}
                </span>
              </Table.Th>
              {WEEKDAYS.map((weekday) => {
                const cell = cellOf(weekday, part.key);
                const isFocusStop = focused.weekday === weekday && focused.partIndex === partIndex;
                return (
                  <Table.Td key={weekday} p={0}>
                    <UnstyledButton
                      ref={(button: HTMLButtonElement | null) => {
                        if (button) buttons.current.set(`${weekday}-${partIndex}`, button);
                      }}
                      className={classes.cell}
                      aria-pressed={ticked.has(cell)}
                      aria-label={`${weekdayNames[weekday - 1]} ${t(`signUp.dayParts.${part.key}`)} ${part.start}–${part.end}`}
                      tabIndex={isFocusStop ? 0 : -1}
                      onFocus={() => setFocused({ weekday, partIndex })}
                      onKeyDown={(event) => move(event, weekday, partIndex)}
                      onClick={() => toggle(cell)}
                    >
                      {ticked.has(cell) ? '✓' : ''}
                    </UnstyledButton>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Input.Wrapper>
  );
}
