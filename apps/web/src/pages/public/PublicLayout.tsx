import { Box, Container, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import classes from './public.module.css';

/** PeerTAC's mark: peers of every color holding hands in a circle (after the center's "ropes tied in a circle"). */
function PeerTacMark() {
  const colors = ['#f59f00', '#e64980', '#4dabf7', '#40c057', '#fd7e14', '#9775fa'];
  return (
    <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden focusable="false">
      {colors.map((color, i) => {
        const angle = (i / colors.length) * 2 * Math.PI - Math.PI / 2;
        return <circle key={color} cx={20 + 13 * Math.cos(angle)} cy={20 + 13 * Math.sin(angle)} r="5.5" fill={color} />;
      })}
      <circle cx="20" cy="20" r="13" fill="none" stroke="white" strokeOpacity="0.55" strokeWidth="1.5" />
    </svg>
  );
}

/**
 * The public side: what a clinic sees of PeerTAC before anyone there has an account. No staff navigation, no session:
 * every call these pages make is to a public API route.
 */
export function PublicLayout() {
  const { pathname } = useLocation();
  // A new public page starts at its top (the confirmation replaces a long form).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <Box className={classes.page}>
      <Box component="header" className={classes.header}>
        <Container size="md" py="md">
          <Group gap="sm" wrap="nowrap">
            <PeerTacMark />
            <Link to="/request" className={classes.brand}>
              <Text component="span" fw={800} fz={22} lh={1.1} display="block">
                PeerTAC
              </Text>
              <Text component="span" fz="sm" lh={1.3} display="block" className={classes.tagline}>
                Peer Support Services Technical Assistance Center
              </Text>
            </Link>
          </Group>
        </Container>
      </Box>
      <Container size="md" px={{ base: 'sm', sm: 'md' }} py={{ base: 'lg', sm: 'xl' }} component="main">
        <Outlet />
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size="md" py="lg">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              PeerTAC is jointly led by the NYU McSilver Institute and the Academy of Peer Services at Rutgers University, with funding from
              the New York State Office of Mental Health.
            </Text>
            <Text size="sm" c="dimmed">
              We support mental health programs across New York State, including MHOTRS clinics, that work with Certified Peer Specialists
              (NYCPS), Credentialed Youth Peer Advocates (YPA-C) and Credentialed Family Peer Advocates (FPA-C).
            </Text>
          </Stack>
        </Container>
      </Box>
    </Box>
  );
}
