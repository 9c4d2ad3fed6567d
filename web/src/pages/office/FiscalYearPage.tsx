import { QueueBoardLink } from './QueueBoardLink';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { saveFile } from '../../api/download';
import { fiscalYearOf, formatMonth } from '../../format/time';
import { useDistrictChoices, useFieldChoices } from '../../reference/reference';
import { FigureChart } from './FigureChart';

const OUTCOMES = [
  'opened',
  'filled',
  'partlyFilled',
  'cancelled',
  'expiredNotTaken',
  'expiredNoCandidate',
  'stillOpen',
] as const;

/** The city office's fiscal year (April–March): activities, hours, people, spread and satisfaction. */
export function FiscalYearPage() {
  const { t, i18n } = useTranslation();
  const current = fiscalYearOf(new Date());
  const [year, setYear] = useState(current);
  const [districtCode, setDistrictCode] = useState<string | null>(null);
  const [fieldCode, setFieldCode] = useState<string | null>(null);
  const fieldChoices = useFieldChoices();
  const districtChoices = useDistrictChoices();
  const fields = new Map(fieldChoices.map((field) => [field.value, field.label]));
  const districts = new Map(districtChoices.map((district) => [district.value, district.label]));
  const query = { year, ...(districtCode ? { districtCode } : {}), ...(fieldCode ? { fieldCode } : {}) };
  const report = useQuery({
    queryKey: ['fiscal-year', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/fiscal-year', { params: { query } })),
    retry: false,
  });
  const download = useMutation({
    mutationFn: async (format: 'csv' | 'pdf') => {
      const file =
        format === 'csv'
          ? await unwrap(api.GET('/api/v1/reports/fiscal-year.csv', { params: { query }, parseAs: 'blob' }))
          : await unwrap(api.GET('/api/v1/reports/fiscal-year.pdf', { params: { query }, parseAs: 'blob' }));
      const scope = [year, districtCode, fieldCode].filter(Boolean).join('-');
      saveFile(file, `talent-bank-year-report-${scope}.${format}`);
    },
  });
  const problems = report.error instanceof ApiError ? report.error.fieldErrors() : {};
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
      <Title order={1}>{t('office.title')}</Title>
      <Group align="flex-start" wrap="wrap">
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
        <Select
          label={t('office.district')}
          w={220}
          placeholder={t('office.allDistricts')}
          clearable
          data={[...districtChoices, { value: 'online', label: t('office.online') }]}
          value={districtCode}
          onChange={setDistrictCode}
          error={problems.districtCode}
        />
        <Select
          label={t('office.field')}
          w={220}
          placeholder={t('office.allFields')}
          clearable
          data={[...fieldChoices, { value: 'other', label: t('office.other') }]}
          value={fieldCode}
          onChange={setFieldCode}
          error={problems.fieldCode}
        />
      </Group>
      <Group>
        <Button
          variant="outline"
          loading={download.isPending && download.variables === 'csv'}
          onClick={() => download.mutate('csv')}
        >
          {t('office.downloadCsv')}
        </Button>
        <Button
          variant="outline"
          loading={download.isPending && download.variables === 'pdf'}
          onClick={() => download.mutate('pdf')}
        >
          {t('office.downloadPdf')}
        </Button>
      </Group>
      {download.error && (
        <Alert color="red" role="alert">
          {download.error.message}
        </Alert>
      )}
      {report.error && Object.keys(problems).length === 0 && (
        <Alert color="red" role="alert">
          {report.error.message}
        </Alert>
      )}
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
            <Title order={2}>{t('office.requests')}</Title>
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  {OUTCOMES.map((outcome) => (
                    <Table.Th key={outcome} scope="col">
                      {t(`office.outcomes.${outcome}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  {OUTCOMES.map((outcome) => (
                    <Table.Td key={outcome}>{data.requests.totals[outcome].toLocaleString()}</Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="sm">{t('office.outcomesNote')}</Text>
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
