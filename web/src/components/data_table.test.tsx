import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { DataTable, sortRows, type Column } from './data_table';

type Row = { id: number; name: string; grade: number | null };
const rows: Row[] = [
  { id: 1, name: 'Ábrego', grade: 83 },
  { id: 2, name: 'Zapata', grade: null },
  { id: 3, name: 'barría', grade: 83.333 },
  { id: 4, name: 'Castillo', grade: 9.5 },
];
const columns: Column<Row>[] = [
  { key: 'name', header: 'Nombre', rowHeader: true, sortable: true, value: (row) => row.name },
  { key: 'grade', header: 'Nota', numeric: true, decimals: 1, sortable: true, value: (row) => row.grade },
];
const bodyRows = () => screen.getAllByRole('row').slice(1);
const cellsOf = (column: number) => bodyRows().map((row) => within(row).getAllByRole(column === 0 ? 'rowheader' : 'cell')[column === 0 ? 0 : column - 1].textContent);

describe('DataTable', () => {
  it('writes every number of a column with the same decimals, right-aligned, and a dash for none', () => {
    render(<DataTable caption="Notas" columns={columns} rows={rows} rowKey={(row) => row.id} />);
    expect(cellsOf(1)).toEqual(['83,0', '—', '83,3', '9,5']);
    for (const cell of screen.getAllByRole('cell')) expect(cell.className).toContain('num');
    expect(screen.getByRole('columnheader', { name: /Nota/ }).className).toContain('num');
  });

  it('sorts by a column on a click, then the other way, with missing values last both ways', () => {
    render(<DataTable caption="Notas" columns={columns} rows={rows} rowKey={(row) => row.id} />);
    fireEvent.click(screen.getByRole('button', { name: /Nota/ }));
    expect(cellsOf(1)).toEqual(['9,5', '83,0', '83,3', '—']);
    expect(screen.getByRole('columnheader', { name: /Nota/ }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: /Nota/ }));
    expect(cellsOf(1)).toEqual(['83,3', '83,0', '9,5', '—']);
    expect(screen.getByRole('columnheader', { name: /Nota/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts text as a Spanish reader expects: accents and case aside', () => {
    expect(sortRows(rows, columns[0], false, 'es').map((row) => row.name)).toEqual(['Ábrego', 'barría', 'Castillo', 'Zapata']);
  });

  it('tells a controlled sort to its page instead of sorting on its own', () => {
    const asked: unknown[] = [];
    render(<DataTable caption="Notas" columns={columns} rows={rows} rowKey={(row) => row.id} sort={{ key: 'name', descending: false }} onSort={(sort) => asked.push(sort)} />);
    fireEvent.click(screen.getByRole('button', { name: /Nota/ }));
    expect(asked).toEqual([{ key: 'grade', descending: false }]);
    expect(cellsOf(0)).toEqual(['Ábrego', 'barría', 'Castillo', 'Zapata']);
  });

  it('shows pages of rows with a pager, and the empty state when nothing matches', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: i, name: `P${String(i).padStart(3, '0')}`, grade: i }));
    const { unmount } = render(<DataTable caption="Notas" columns={columns} rows={many} rowKey={(row) => row.id} pageSize={100} />);
    expect(bodyRows()).toHaveLength(100);
    expect(screen.getByText('Página 1 de 3 · 250 filas')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Siguiente' }));
    expect(cellsOf(0)[0]).toBe('P100');
    unmount();
    render(<DataTable caption="Notas" columns={columns} rows={[]} rowKey={(row) => row.id} empty={<p>Nada</p>} />);
    expect(screen.getByText('Nada')).toBeTruthy();
  });
});
