import './print.css';
import { Anchor, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { caseQuery } from '../../api/cases';
import { actionPlanQuery } from '../../api/engagement';
import { centerSettingsQuery } from '../../api/settings';
import { GOAL_AREA_LABELS, ITEM_STATUS_LABELS, labelOf, STATUS_LABELS } from '../../api/labels';
import { formatDate } from '../../components/dates';
import { EmptyState, ErrorState, isNotFound, LoadingState, NotFoundState } from '../../components/states';
import { isUuid } from '../../components/urlFilters';

/** The action plan as a clean document (no app shell) that the browser prints or saves as PDF. */
export function PrintPlanPage() {
  const { id = '' } = useParams();
  const valid = isUuid(id);
  const found = useQuery({ ...caseQuery(id), enabled: valid });
  const plan = useQuery({ ...actionPlanQuery(id), enabled: valid });
  const center = useQuery(centerSettingsQuery);

  useEffect(() => {
    if (found.data) document.title = `Action plan ${found.data.reference} — ${found.data.organization.name}`;
    return () => {
      document.title = 'TA Desk';
    };
  }, [found.data]);

  if (!valid || (found.isError && isNotFound(found.error)))
    return (
      <NotFoundState title="Case not found" back={{ to: '/cases', label: 'Back to cases' }}>
        There is no case at this address, so there is no action plan to print.
      </NotFoundState>
    );
  if (found.isPending || plan.isPending || center.isPending) return <LoadingState label="Preparing the action plan…" />;
  if (found.isError) return <ErrorState error={found.error} />;
  if (plan.isError) return <ErrorState error={plan.error} />;
  if (center.isError) return <ErrorState error={center.error} />;
  const { shortName, name, logoUrl, signature, phone } = center.data;
  const item = found.data;
  const { goals, progress } = plan.data;

  return (
    <>
      <nav className="plan-print-toolbar" aria-label="Print">
        <Anchor component={Link} to={`/cases/${item.id}?tab=plan`}>
          ← Back to the case
        </Anchor>
        <Button onClick={() => window.print()}>Print or save as PDF</Button>
      </nav>
      <main className="plan-print">
        <header className="plan-center">
          {logoUrl && <img src={logoUrl} alt="" height={40} />}
          <div>
            <p className="plan-center-name">{shortName}</p>
            {name !== shortName && <p className="plan-meta">{name}</p>}
          </div>
        </header>
        <p className="plan-meta">Action plan · {item.reference}</p>
        <h1>{item.organization.name}</h1>
        <p className="plan-meta">
          {item.title} · {labelOf(STATUS_LABELS, item.status)}
          {item.assignee ? ` · TA consultant: ${item.assignee.name}` : ''}
        </p>
        <p className="plan-meta">
          Overall progress: {progress.done} of {progress.total} action items done ({progress.percent}%)
        </p>
        {goals.length === 0 ? (
          <EmptyState title="No goals yet">This case has no action plan yet.</EmptyState>
        ) : (
          goals.map((goal, index) => (
            <section key={goal.id} className="plan-goal" aria-labelledby={`goal-${goal.id}`}>
              <h2 id={`goal-${goal.id}`}>
                Goal {index + 1}: {goal.title}
              </h2>
              <p className="plan-meta">
                {labelOf(GOAL_AREA_LABELS, goal.goalArea)} · {goal.progress.done} of {goal.progress.total} done ({goal.progress.percent}%)
              </p>
              <div className="plan-bar" aria-hidden>
                <div style={{ width: `${goal.progress.percent}%` }} />
              </div>
              {goal.items.length === 0 ? (
                <p>No action items yet.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Action</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Due</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {goal.items.map((action) => (
                      <tr key={action.id}>
                        <td style={action.status === 'cancelled' ? { textDecoration: 'line-through' } : undefined}>{action.description}</td>
                        <td>
                          {action.owner.name}
                          {action.owner.type === 'contact' ? ` (${item.organization.name})` : ` (${shortName})`}
                        </td>
                        <td>{action.dueDate ? formatDate(action.dueDate) : '—'}</td>
                        <td>{labelOf(ITEM_STATUS_LABELS, action.status)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          ))
        )}
        {signature && <p className="plan-signature">{signature}</p>}
        <p className="plan-footer">
          Printed {new Date().toLocaleDateString('en-US', { dateStyle: 'long' })} by {shortName}
          {phone ? ` · ${phone}` : ''}.
        </p>
      </main>
    </>
  );
}
