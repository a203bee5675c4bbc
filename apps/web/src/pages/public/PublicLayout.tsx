import { Anchor, Box, Container, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { CenterHeader, centerHeaderClasses } from '../../components/CenterHeader';
import { useCenter } from './center';
import classes from './public.module.css';

/**
 * The public side: what a clinic sees of the center before anyone there has an account. No staff navigation, no
 * session: every call these pages make is to a public API route. The center's name, logo, phone and words come from
 * its settings (written into the page by the API, see center.ts).
 */
export function PublicLayout() {
  const { pathname } = useLocation();
  const center = useCenter();
  // A new public page starts at its top (the confirmation replaces a long form).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <Box className={classes.page}>
      <CenterHeader
        center={center}
        brand={(names) => (
          <Link to="/request" className={centerHeaderClasses.brand}>
            {names}
          </Link>
        )}
      />
      <Container size="md" px={{ base: 'sm', sm: 'md' }} py={{ base: 'lg', sm: 'xl' }} component="main">
        <Outlet />
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size="md" py="lg">
          <Stack gap={4}>
            {center.about && (
              <Text size="sm" c="dimmed" className={classes.about}>
                {center.about}
              </Text>
            )}
            {center.phone && (
              <Text size="sm" c="dimmed">
                Call {center.shortName}:{' '}
                <Anchor href={`tel:${center.phone.replace(/[^0-9+]/g, '')}`} size="sm" underline="always">
                  {center.phone}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Container>
      </Box>
    </Box>
  );
}
