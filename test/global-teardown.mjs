import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__TA_TEST__;
  if (!state) return;
  await Promise.all(state.services.map((service) => service.stop()));
  rmSync(state.dir, { recursive: true, force: true });
}
