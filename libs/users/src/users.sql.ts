/** Statements on users (this lib's), each with its row type. */

/** Every active lead (who hears of new requests and of replies to an unassigned case), by name. */
export const ACTIVE_LEADS = `SELECT id, name, email FROM users WHERE role = 'lead' AND active ORDER BY name, id`;

export interface ActiveLeadRow {
  id: string;
  name: string;
  email: string;
}
