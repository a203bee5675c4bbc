import { useDocumentTitle } from '@mantine/hooks';
import { useCenter } from './center';

/** Names the browser tab (and what a screen reader announces on arrival) for a public page. */
export function PageTitle({ title }: { title: string }) {
  useDocumentTitle(`${title} · ${useCenter().shortName}`);
  return null;
}
