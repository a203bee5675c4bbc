/** The transaction control statements sqlTransaction sends (no table: nothing here is owned by a lib). */
export const BEGIN = 'BEGIN';
export const COMMIT = 'COMMIT';
export const ROLLBACK = 'ROLLBACK';
