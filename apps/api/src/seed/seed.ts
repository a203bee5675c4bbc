import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ta/config';
import { dataSourceOptions } from '@ta/database';
import { hashPassword, User } from '@ta/users';
import { DataSource } from 'typeorm';

/** Demo staff; the admin login is documented in the README. */
const DEMO_USERS = [
  { email: 'admin@example.org', name: 'Avery Admin', role: 'admin', password: 'admin-password' },
  { email: 'lead@example.org', name: 'Lena Ortiz', role: 'lead', password: 'lead-password' },
  { email: 'consultant@example.org', name: 'Marcus Reed', role: 'consultant', password: 'consultant-password' },
  { email: 'consultant2@example.org', name: 'Priya Shah', role: 'consultant', password: 'consultant-password' },
] as const;

/** Seeds demo data once: a database that already has users is left as it is. */
async function seed(): Promise<void> {
  const dataSource = await new DataSource({ ...dataSourceOptions(loadConfig()), entities: [User] }).initialize();
  try {
    const users = dataSource.getRepository(User);
    if ((await users.count()) > 0) {
      console.log('seed: users exist, demo data left as it is');
      return;
    }
    for (const demo of DEMO_USERS) {
      await users.save(
        users.create({
          email: demo.email,
          name: demo.name,
          role: demo.role,
          active: true,
          passwordHash: await hashPassword(demo.password),
        }),
      );
    }
    console.log(`seed: created ${DEMO_USERS.length} demo users`);
  } finally {
    await dataSource.destroy();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
