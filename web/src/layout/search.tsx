import { Pagination, Select, type SelectProps } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

type FilterValue = string | boolean;

/** The address's query string as filters: `true`/`false` are the checkboxes, the rest are choices. */
function filtersOf<Filters extends object>(params: URLSearchParams): Filters {
  const entries = [...params].filter(([key]) => key !== 'page');
  return Object.fromEntries(
    entries.map(([key, value]): [string, FilterValue] => [
      key,
      value === 'true' ? true : value === 'false' ? false : value,
    ]),
  ) as Filters;
}

function paramsOf(filters: object, page: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, FilterValue | undefined][]) {
    if (value !== undefined) params.set(key, String(value));
  }
  if (page > 1) params.set('page', String(page));
  return params;
}

/**
 * A search form's state: what is being typed (`draft`), what was last searched for (`filters`), and the
 * page of results. Searching again starts at the first page. The search and the page live in the
 * address, so coming back from a result (or reloading, or sharing the link) finds the same list.
 */
export function useSearch<Filters extends object>() {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf<Filters>(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<Filters>(filters);
  // Going back or forward changes the address: the form then shows that search again.
  const [shown, setShown] = useState(params.toString());
  if (shown !== params.toString()) {
    setShown(params.toString());
    setDraft(filters);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsOf(draft, 1));
  };
  const setPage = (next: number) => setParams(paramsOf(filters, next));
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | null | undefined) =>
    setDraft((current) => ({ ...current, [key]: value ?? undefined }));
  return { draft, set, filters, page, setPage, submit };
}

/** Page links under a list, when there is more than one page. */
export function Pages(props: {
  total: number;
  perPage: number;
  page: number;
  onChange: (page: number) => void;
}) {
  if (props.total <= props.perPage) return null;
  return (
    <Pagination
      total={Math.ceil(props.total / props.perPage)}
      value={props.page}
      onChange={props.onChange}
      getControlProps={(control) => ({ 'aria-label': control })}
    />
  );
}

/** A search filter chosen from a list; clearing it (by a labelled button) searches without it. */
export function FilterSelect(
  props: Omit<SelectProps, 'value' | 'clearable' | 'clearButtonProps'> & { value: string | undefined },
) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      clearable
      clearButtonProps={{ 'aria-label': t('app.clear') }}
      value={props.value ?? null}
    />
  );
}
