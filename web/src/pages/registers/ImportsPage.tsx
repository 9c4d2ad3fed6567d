import {
  Alert,
  Button,
  FileInput,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { saveFile } from '../../api/download';
import type { components } from '../../api/schema';
import { useSession } from '../../session/session';

type Run = components['schemas']['ImportRunView'];
type Upload = components['schemas']['ImportUploadDto'];
const EXPORTS = ['residents', 'requests', 'activities', 'feedback'] as const;

/**
 * The registers a city office keeps in Excel: upload one, see row by row what it would do, then apply it;
 * and download the talent bank's own lists for Excel. For coordinators and the city office.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const { account, loading } = useSession();
  if (loading) return null;
  if (account?.role !== 'coordinator' && account?.role !== 'admin')
    return <Navigate to="/sign-in" replace state={{ message: t('imports.signInFirst') }} />;
  return (
    <Stack gap="xl">
      <Title order={1}>{t('imports.title')}</Title>
      <Importer />
      <Exports />
    </Stack>
  );
}

function Importer() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<Upload['kind']>('residents');
  const [encoding, setEncoding] = useState<NonNullable<Upload['encoding']>>('auto');
  const [runId, setRunId] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/registers/imports', {
          body: { file: '', kind, encoding, dryRun: true },
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', file!);
            form.append('kind', kind);
            form.append('encoding', encoding);
            form.append('dryRun', 'true');
            return form;
          },
        }),
      ),
    onSuccess: (run) => setRunId(run.id),
  });
  const queries = useQueryClient();
  const apply = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/registers/imports/{id}/apply', { params: { path: { id } } })),
    // The same run goes on, queued again: following it starts over.
    onSuccess: (run) => {
      queries.setQueryData(['import-run', run.id], run);
      setRunId(run.id);
    },
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="import-title">
      <Title order={2} id="import-title">
        {t('imports.importTitle')}
      </Title>
      <Text>{t('imports.lead')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) preview.mutate();
        }}
      >
        <Stack gap="sm" maw={520}>
          <Select
            label={t('imports.kind')}
            data={(['residents', 'requests'] as const).map((value) => ({
              value,
              label: t(`imports.kinds.${value}`),
            }))}
            value={kind}
            onChange={(value) => value && setKind(value)}
            allowDeselect={false}
          />
          <Select
            label={t('imports.encoding')}
            data={(['auto', 'shift_jis', 'utf-8'] as const).map((value) => ({
              value,
              label: t(`imports.encodings.${value}`),
            }))}
            value={encoding}
            onChange={(value) => value && setEncoding(value)}
            allowDeselect={false}
          />
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHint')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            required
            error={preview.error?.message}
            clearable
          />
          <Button type="submit" disabled={!file} loading={preview.isPending} w="fit-content">
            {t('imports.preview')}
          </Button>
        </Stack>
      </form>
      {runId && (
        <RunProgress
          runId={runId}
          applying={apply.isPending}
          applyError={apply.error?.message}
          onApply={() => apply.mutate(runId)}
        />
      )}
    </Stack>
  );
}

/** A run as it goes: progress while the worker reads the rows, then the counts and each row's outcome. */
function RunProgress(props: { runId: string; applying: boolean; applyError?: string; onApply: () => void }) {
  const { t } = useTranslation();
  const run = useQuery({
    queryKey: ['import-run', props.runId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/registers/imports/{id}', { params: { path: { id: props.runId } } })),
    refetchInterval: (query) =>
      ['queued', 'running'].includes(query.state.data?.status ?? 'queued') ? 1_000 : false,
  });
  const data = run.data;
  if (!data) return null;
  const done = !['queued', 'running'].includes(data.status);
  return (
    <Stack gap="sm" component="section" aria-labelledby="import-run">
      <Title order={3} id="import-run">
        {t(`imports.status.${data.status}`)}
      </Title>
      {!done && (
        <Progress
          value={data.totalRows ? (data.processedRows / data.totalRows) * 100 : 0}
          aria-label={t('imports.progress', { done: data.processedRows, total: data.totalRows })}
        />
      )}
      <Text role="status">{t('imports.progress', { done: data.processedRows, total: data.totalRows })}</Text>
      {data.unknownColumns.length > 0 && (
        <Alert color="yellow">
          {t('imports.unknownColumns', { columns: data.unknownColumns.join('、') })}
        </Alert>
      )}
      {data.failure && (
        <Alert color="red" role="alert">
          {data.failure}
        </Alert>
      )}
      {done && <Counts run={data} />}
      {done && <Rows runId={data.id} status={data.status} />}
      {data.status === 'previewed' && (
        <>
          {props.applyError && (
            <Alert color="red" role="alert">
              {props.applyError}
            </Alert>
          )}
          <Button onClick={props.onApply} loading={props.applying} w="fit-content">
            {t('imports.apply')}
          </Button>
        </>
      )}
    </Stack>
  );
}

function Counts({ run }: { run: Run }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      {(['created', 'updated', 'unchanged', 'rejected'] as const).map((outcome) => (
        <Text key={outcome}>
          {t(`imports.outcomes.${outcome}`)}: <strong>{run.counts[outcome]}</strong>
        </Text>
      ))}
    </SimpleGrid>
  );
}

function Rows({ runId, status }: { runId: string; status: Run['status'] }) {
  const { t } = useTranslation();
  const rows = useQuery({
    queryKey: ['import-rows', runId, status],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/registers/imports/{id}/rows', {
          params: { path: { id: runId }, query: { perPage: 100 } },
        }),
      ),
  });
  if (!rows.data?.items.length) return null;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped captionSide="top">
        <Table.Caption>
          {t('imports.rowsCaption', { shown: rows.data.items.length, total: rows.data.total })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.line')}</Table.Th>
            <Table.Th scope="col">{t('imports.outcome')}</Table.Th>
            <Table.Th scope="col">{t('imports.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.items.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{t(`imports.outcomes.${row.outcome}`)}</Table.Td>
              <Table.Td>
                {[
                  ...row.reasons.map(
                    (reason) => (reason.column ? `${reason.column}: ` : '') + reason.message,
                  ),
                  ...(row.changedColumns.length
                    ? [t('imports.changed', { columns: row.changedColumns.join('、') })]
                    : []),
                ].join(' / ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The talent bank's lists for Excel: UTF-8 with BOM, or Shift_JIS for older Excel. */
function Exports() {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState<'utf-8' | 'shift_jis'>('utf-8');
  const download = useMutation({
    mutationFn: async (kind: (typeof EXPORTS)[number]) => {
      const query = { encoding };
      const file =
        kind === 'residents'
          ? await unwrap(
              api.GET('/api/v1/registers/exports/residents.csv', { params: { query }, parseAs: 'blob' }),
            )
          : await unwrap(
              api.GET('/api/v1/registers/exports/{kind}.csv', {
                params: { path: { kind }, query },
                parseAs: 'blob',
              }),
            );
      saveFile(file, `talent-bank-${kind}.csv`);
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="export-title">
      <Title order={2} id="export-title">
        {t('imports.exportTitle')}
      </Title>
      <Select
        label={t('imports.exportEncoding')}
        maw={320}
        data={(['utf-8', 'shift_jis'] as const).map((value) => ({
          value,
          label: t(`imports.exportEncodings.${value}`),
        }))}
        value={encoding}
        onChange={(value) => value && setEncoding(value)}
        allowDeselect={false}
      />
      {download.error && (
        <Alert color="red" role="alert">
          {download.error.message}
        </Alert>
      )}
      <Group>
        {EXPORTS.map((kind) => (
          <Button
            key={kind}
            variant="default"
            onClick={() => download.mutate(kind)}
            loading={download.isPending && download.variables === kind}
          >
            {t(`imports.exports.${kind}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
