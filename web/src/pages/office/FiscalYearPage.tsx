import { QueueBoardLink } from './QueueBoardLink';
import { Card, Group, List, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { fiscalYearOf, formatMonth } from '../../format/time';
import { useDistrictChoices, useFieldChoices } from '../../reference/reference';
import { FigureChart } from './FigureChart';

/** The city office's fiscal year (April–March): activities, hours, people, spread and satisfaction. */
export function FiscalYearPage() {
  const { t, i18n } = useTranslation();
  const current = fiscalYearOf(new Date());
  const [year, setYear] = useState(current);
  const fields = new Map(useFieldChoices().map((field) => [field.value, field.label]));
  const districts = new Map(useDistrictChoices().map((district) => [district.value, district.label]));
  const report = useQuery({
    queryKey: ['fiscal-year', year],
    queryFn: () => unwrap(api.GET('/api/v1/reports/fiscal-year', { params: { query: { year } } })),
  });
  const data = report.data;
  const name = (code: string, names: Map<string, string>) =>
    code === 'online' ? t('office.online') : code === 'other' ? t('office.other') : (names.get(code) ?? code);
  const figures = (rows: { activities: number; hours: number; residents: number }[]) => [
    { label: t('office.activities'), values: rows.map((row) => row.activities) },
    { label: t('office.hours'), values: rows.map((row) => row.hours) },
    { label: t('office.residents'), values: rows.map((row) => row.residents) },
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('office.title')}</Title>
        <Select
          label={t('office.year')}
          w={300}
          data={[0, 1, 2, 3].map((back) => ({
            value: String(current - back),
            label: t('office.yearOption', { year: current - back, next: current - back + 1 }),
          }))}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
        />
      </Group>
      {data && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {[
              [t('office.activities'), data.totals.activities.toLocaleString()],
              [t('office.hours'), data.totals.hours.toLocaleString()],
              [t('office.residents'), data.totals.residents.toLocaleString()],
              [
                t('office.firstTime'),
                `${data.totals.firstTimeResidents}(${t('office.firstTimeShare', { share: Math.round(data.totals.firstTimeShare * 100) })})`,
              ],
            ].map(([label, value]) => (
              <Card key={label} withBorder padding="sm">
                <Text size="sm">{label}</Text>
                <Text fw={700} size="xl">
                  {value}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <FigureChart
            title={t('office.byMonth')}
            labels={data.byMonth.map((row) => formatMonth(row.month, i18n.language))}
            series={figures(data.byMonth)}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <FigureChart
              title={t('office.byField')}
              labels={data.byField.map((row) => name(row.fieldCode, fields))}
              series={figures(data.byField)}
            />
            <FigureChart
              title={t('office.byDistrict')}
              labels={data.byDistrict.map((row) => name(row.districtCode, districts))}
              series={figures(data.byDistrict)}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Title order={2}>{t('office.spread')}</Title>
            <Text>{t('office.gini', { gini: data.spread.gini.toFixed(2) })}</Text>
            <FigureChart
              title={t('office.histogram')}
              labels={data.spread.histogram.map((bucket) => bucket.activities)}
              series={[
                {
                  label: t('office.people'),
                  values: data.spread.histogram.map((bucket) => bucket.residents),
                },
              ]}
            />
          </Stack>
          <Stack gap="xs">
            <Title order={2}>{t('office.satisfaction')}</Title>
            {data.satisfaction.map((side) => (
              <Text key={side.side}>
                {t(`office.sides.${side.side}`)}:{' '}
                {side.average === null
                  ? t('office.noResponses')
                  : t('office.average', { average: side.average, responses: side.responses })}
              </Text>
            ))}
            <Title order={3} size="h4">
              {t('office.comments')}
            </Title>
            {data.commentsToActOn.length === 0 && <Text>{t('office.noComments')}</Text>}
            <List>
              {data.commentsToActOn.map((comment, i) => (
                <List.Item key={i}>
                  {'★'.repeat(comment.rating)} {comment.comment}({comment.requestTitle}、
                  {t(`office.sides.${comment.side}`)})
                </List.Item>
              ))}
            </List>
          </Stack>
        </>
      )}
      <QueueBoardLink />
    </Stack>
  );
}
