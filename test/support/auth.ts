import { randomUUID } from 'node:crypto';
import request from 'supertest';

export const DEMO_ADMIN = { email: 'admin@example.org', password: 'admin-password' };

export async function login(url: string, email: string, password: string): Promise<string> {
  const response = await request(url).post('/api/v1/auth/login').send({ email, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

/** Creates a staff user through the admin API and returns its credentials and a token. */
export async function createStaff(url: string, adminToken: string, role: 'admin' | 'lead' | 'consultant') {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.example.org`;
  const password = 'a-long-enough-password';
  const created = await request(url)
    .post('/api/v1/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ email, name: `Test ${role}`, role, password })
    .expect(201);
  const token = await login(url, email, password);
  return { id: (created.body as { id: string }).id, email, password, token };
}
