import { Box, Table, Title } from '@mantine/core';
import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useId } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const COLOURS = ['#087f5b', '#1864ab', '#862e9c'];

interface Series {
  label: string;
  values: number[];
}

/** A bar chart with its numbers in a table beneath, for screen readers and for anyone who wants them. */
export function FigureChart({
  title,
  labels,
  series,
}: {
  title: string;
  labels: string[];
  series: Series[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const summary = `${title}: ${labels.map((label, i) => `${label} ${series.map((s) => s.values[i]).join('/')}`).join('、')}`;
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Box h={240}>
        <Bar
          role="img"
          aria-label={summary}
          options={{
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: series.length > 1 } },
          }}
          data={{
            labels,
            datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i] })),
          }}
        />
      </Box>
      <details>
        <summary>{t('office.asTable')}</summary>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{title}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.label} scope="col" ta="right">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {labels.map((label, i) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.label} ta="right">
                    {s.values[i].toLocaleString()}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Box>
  );
}
