/**
 * A case's open work: follow-ups still scheduled or missed, and action items neither done nor cancelled. The statements
 * run in the caller's transaction, after it locked the case (one lock order for casework: the case, then its children).
 * Parameters: $1 the case.
 */

export interface OpenWorkCountsRow {
  follow_ups: number;
  action_items: number;
}

const OPEN_FOLLOW_UP = `status IN ('scheduled', 'missed')`;
const OPEN_ACTION_ITEM = `status NOT IN ('done', 'cancelled')`;

export const COUNT_OPEN_WORK = `
SELECT (SELECT count(*) FROM follow_ups WHERE case_id = $1 AND ${OPEN_FOLLOW_UP})::int AS follow_ups,
       (SELECT count(*) FROM action_items WHERE case_id = $1 AND ${OPEN_ACTION_ITEM})::int AS action_items`;

export const CANCEL_OPEN_WORK = `
WITH f AS (
  UPDATE follow_ups SET status = 'cancelled', completed_at = NULL, updated_at = now() WHERE case_id = $1 AND ${OPEN_FOLLOW_UP} RETURNING 1
), i AS (
  UPDATE action_items SET status = 'cancelled', completed_at = NULL, updated_at = now() WHERE case_id = $1 AND ${OPEN_ACTION_ITEM} RETURNING 1
)
SELECT (SELECT count(*) FROM f)::int AS follow_ups, (SELECT count(*) FROM i)::int AS action_items`;

/** The previous assignee's open work goes to the new one: $2 from, $3 to. Their reminders follow (they read the assignee). */
export const HAND_OVER_OPEN_WORK = `
WITH f AS (
  UPDATE follow_ups SET assignee_id = $3, updated_at = now() WHERE case_id = $1 AND assignee_id = $2 AND ${OPEN_FOLLOW_UP} RETURNING 1
), i AS (
  UPDATE action_items SET owner_user_id = $3, updated_at = now() WHERE case_id = $1 AND owner_user_id = $2 AND ${OPEN_ACTION_ITEM} RETURNING 1
)
SELECT (SELECT count(*) FROM f)::int AS follow_ups, (SELECT count(*) FROM i)::int AS action_items`;
