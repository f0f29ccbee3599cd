import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useTranslation } from '../i18n';
import { formatNumber } from './format';
import { Button } from './button';

// The app's one table: a caption, a sticky header (and first column, when it names the row),
// columns that sort, numbers right-aligned with the same decimals in the reader's locale, and
// pages, so that a thousand rows stay quick to draw and to scroll.
export type Column<T> = {
  key: string;
  header: ComponentChildren;
  value: (row: T) => string | number | null | undefined;
  render?: (row: T) => ComponentChildren;  // what the cell shows; value() when absent
  numeric?: boolean;
  decimals?: number;
  sortable?: boolean;
  compare?: (a: T, b: T) => number;         // ascending order, when value() is not the order
  rowHeader?: boolean;                      // the cell that names the row: <th scope="row">, sticky
  cellClass?: (row: T) => string | undefined;
};
export type Sort = { key: string; descending: boolean };

type Props<T> = {
  caption: ComponentChildren;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  rowClass?: (row: T) => string | undefined;
  sort?: Sort;                   // controlled, when the page needs the order (an export of what is shown)
  onSort?: (sort: Sort) => void;
  pageSize?: number;
  empty?: ComponentChildren;
  class?: string;
};

// Missing values last, either way; text by the reader's collation, accents and case aside.
export function sortRows<T>(rows: T[], column: Column<T> | undefined, descending: boolean, language: string): T[] {
  if (!column) return rows;
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (column.compare) return sign * column.compare(a, b);
    const x = column.value(a), y = column.value(b);
    const xMissing = x == null || x === '', yMissing = y == null || y === '';
    if (xMissing || yMissing) return xMissing === yMissing ? 0 : xMissing ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}

export function DataTable<T>({ caption, columns, rows, rowKey, rowClass, sort: controlled, onSort, pageSize, empty, class: extra }: Props<T>) {
  const { t, language } = useTranslation();
  const [own, setOwn] = useState<Sort | undefined>(undefined);
  const sort = controlled ?? own;
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => (sort ? sortRows(rows, columns.find((c) => c.key === sort.key), sort.descending, language) : rows),
    [rows, sort?.key, sort?.descending, language]);
  useEffect(() => setPage(1), [rows, sort?.key, sort?.descending]);
  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const shown = pageSize ? sorted.slice((page - 1) * pageSize, page * pageSize) : sorted;

  const toggle = (key: string) => {
    const next = { key, descending: sort?.key === key ? !sort.descending : false };
    if (onSort) onSort(next);
    if (!controlled) setOwn(next);
  };
  const cell = (column: Column<T>, row: T) => {
    if (column.render) return column.render(row);
    const value = column.value(row);
    if (column.numeric) return formatNumber(typeof value === 'number' ? value : null, language, column.decimals ?? 0);
    return value ?? '—';
  };

  return (
    <div class={['data-table', extra].filter(Boolean).join(' ')}>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : undefined}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort?.key === column.key;
                return (
                  <th scope="col" key={column.key} class={[column.numeric && 'num', column.rowHeader && 'sticky-col'].filter(Boolean).join(' ') || undefined}
                    aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : undefined}>
                    {column.sortable ? (
                      <button type="button" class="sort" onClick={() => toggle(column.key)}>
                        {column.header}<span class="sort-mark" aria-hidden="true">{active ? (sort!.descending ? '▼' : '▲') : '↕'}</span>
                      </button>
                    ) : column.header}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)} class={rowClass?.(row)}>
                {columns.map((column) => {
                  const classes = [column.numeric && 'num', column.rowHeader && 'sticky-col', column.cellClass?.(row)].filter(Boolean).join(' ') || undefined;
                  return column.rowHeader
                    ? <th scope="row" key={column.key} class={classes}>{cell(column, row)}</th>
                    : <td key={column.key} class={classes}>{cell(column, row)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length === 0 && empty}
      {pages > 1 && (
        <nav class="pager" aria-label={t('table.pages')}>
          <Button variant="secondary" disabled={page === 1} onClick={() => setPage(page - 1)}>{t('participants.previous')}</Button>
          <span>{t('table.page', { page, pages, count: sorted.length })}</span>
          <Button variant="secondary" disabled={page === pages} onClick={() => setPage(page + 1)}>{t('participants.next')}</Button>
        </nav>
      )}
    </div>
  );
}
