/** Statements on consultations (owned by this lib), each with its row type (docs/ARCHITECTURE.md §Where SQL lives). */

/**
 * A logged session, on the hot path of logging one: $1 id, $2 case, $3 consultant, $4 started, $5 minutes, $6 modality,
 * $7 attendee contacts, $8 headcount, $9 topics, $10 summary, $11 next steps. One INSERT, as TypeORM's insert sent,
 * without its query building and entity mapping around it.
 */
export const INSERT_CONSULTATION = `
INSERT INTO consultations (id, case_id, consultant_id, started_at, duration_minutes, modality, attendee_contact_ids, headcount,
                           topics, summary, next_steps)
VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9::text[], $10, $11)
RETURNING created_at, updated_at`;

export interface InsertedConsultationRow {
  created_at: Date;
  updated_at: Date;
}
