import { Anchor, Badge, Table, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffQuery } from '../../api/cases';
import { staffLabelById } from '../../components/staffNames';
import { Link } from 'react-router';
import { hours, number } from '../../components/numbers';
import type { CaseloadRow } from '../../api/dashboard';

type Column = { key: string; label: string; value: (row: CaseloadRow) => number | string; numeric?: boolean };

const NAME: Column = { key: 'name', label: 'Consultant', value: (r) => r.consultant.name };

const COLUMNS: Column[] = [
  NAME,
  { key: 'new', label: 'New', value: (r) => r.open.new, numeric: true },
  { key: 'triaged', label: 'Triaged', value: (r) => r.open.triaged, numeric: true },
  { key: 'active', label: 'Active', value: (r) => r.open.active, numeric: true },
  { key: 'onHold', label: 'On hold', value: (r) => r.open.onHold, numeric: true },
  { key: 'total', label: 'Open', value: (r) => r.open.total, numeric: true },
  { key: 'atRisk', label: 'At risk', value: (r) => r.atRisk, numeric: true },
  { key: 'escalated', label: 'Escalated', value: (r) => r.escalated, numeric: true },
  { key: 'overdue', label: 'Overdue follow-ups', value: (r) => r.overdueFollowUps, numeric: true },
  { key: 'sessions', label: 'Sessions (30 days)', value: (r) => r.sessions30d, numeric: true },
  { key: 'hours', label: 'Hours (30 days)', value: (r) => r.hours30d, numeric: true },
];

/** Every consultant's load; each column header sorts (again: the other way). */
export function CaseloadTable({ rows }: { rows: CaseloadRow[] }) {
  const staff = useQuery(staffQuery);
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'total', descending: true });
  const column = COLUMNS.find((c) => c.key === sort.key) ?? NAME;
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (sort.descending ? -order : order) || a.consultant.name.localeCompare(b.consultant.name);
  });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>Open cases, stall signals and the last 30 days’ sessions per consultant and lead</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => {
              const active = c.key === sort.key;
              return (
                <Table.Th
                  key={c.key}
                  ta={c.numeric ? 'right' : 'left'}
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <UnstyledButton
                    fw={700}
                    fz="sm"
                    onClick={() => setSort({ key: c.key, descending: active ? !sort.descending : c.numeric === true })}
                  >
                    {c.label}
                    {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.consultant.id}>
              <Table.Td>
                <Anchor component={Link} to={`/cases?${new URLSearchParams({ assigneeId: row.consultant.id })}`} size="sm">
                  {staffLabelById(staff.data, row.consultant.id, row.consultant.name)}
                </Anchor>
                {row.consultant.role === 'lead' && (
                  <Badge ml="xs" size="xs" color="gray.7">
                    Lead
                  </Badge>
                )}
              </Table.Td>
              {COLUMNS.slice(1).map((c) => (
                <Table.Td key={c.key} ta="right">
                  {c.key === 'hours' ? hours.format(row.hours30d) : number.format(Number(c.value(row)))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
