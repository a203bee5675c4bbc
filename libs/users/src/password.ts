import argon2 from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

/**
 * A hash of a password nobody has, checked when the email is unknown,
 * so a wrong email costs the same time as a wrong password (no user enumeration by timing).
 */
const decoyHash = hashPassword('decoy-password-that-never-matches');

export async function verifyAgainstDecoy(password: string): Promise<false> {
  await argon2.verify(await decoyHash, password);
  return false;
}
