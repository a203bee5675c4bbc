import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components/states';

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found">
      There is nothing at this address.{' '}
      <Anchor component={Link} to="/">
        Go to your cases
      </Anchor>
    </EmptyState>
  );
}
