import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PublicCenter } from '../api/settings';
import classes from './CenterHeader.module.css';

/**
 * The public pages' header: the center's logo, short name and full name. The same header as request.html's static one
 * (filled in by the API), so nothing moves when the app takes over; the admin settings page previews it.
 */
export function CenterHeader({
  center,
  brand = (children) => <div className={classes.brand}>{children}</div>,
}: {
  center: Pick<PublicCenter, 'shortName' | 'name' | 'logoUrl'>;
  /** Wraps the names, e.g. in a link home. */
  brand?: (children: ReactNode) => ReactNode;
}) {
  return (
    <Box component="header" className={classes.header}>
      <Container size="md" py="md">
        <Group gap="sm" wrap="nowrap">
          {center.logoUrl && <img className={classes.logo} src={center.logoUrl} alt="" height={40} />}
          {brand(
            <>
              <Text component="span" fw={800} fz={22} lh={1.1} display="block">
                {center.shortName}
              </Text>
              {center.name !== center.shortName && (
                <Text component="span" fz="sm" lh={1.3} display="block" className={classes.tagline}>
                  {center.name}
                </Text>
              )}
            </>,
          )}
        </Group>
      </Container>
    </Box>
  );
}

export { classes as centerHeaderClasses };
