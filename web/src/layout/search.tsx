import { Pagination } from '@mantine/core';
import { useState, type FormEvent } from 'react';

/**
 * A search form's state: what is being typed (`draft`), what was last searched for (`filters`), and the
 * page of results. Searching again starts at the first page.
 */
export function useSearch<Filters extends object>() {
  const [draft, setDraft] = useState<Filters>({} as Filters);
  const [filters, setFilters] = useState<Filters>({} as Filters);
  const [page, setPage] = useState(1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters(draft);
  };
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
