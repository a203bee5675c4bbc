import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseSurveyFile, type SurveyFile } from './survey-file.js';
import { INSERT_SURVEY, LOCK_SURVEY_VERSION, UPDATE_SURVEY, type LockedSurveyRow, type SurveyIdRow } from './surveys.sql.js';

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

/**
 * Stores a validated survey file (throws SurveyFileError on a bad one) in the caller's transaction, with the
 * instruments' rule: a kind and version seen before is left alone when identical, replaced while no invitation used
 * it, refused once one did (answers always keep the wording they were given against). Used by POST /surveys and
 * `npm run survey:load`.
 */
export async function storeSurvey(
  manager: EntityManager,
  input: unknown,
  loadedBy: string | null,
): Promise<{ id: string; outcome: LoadOutcome; survey: SurveyFile }> {
  const survey = parseSurveyFile(input);
  const definition = JSON.stringify(survey);
  const [existing] = (await manager.query(LOCK_SURVEY_VERSION, [survey.kind, survey.version, definition])) as LockedSurveyRow[];
  if (existing?.same) return { id: existing.id, outcome: 'unchanged', survey };
  if (existing?.used)
    throw new ConflictException(
      `Version ${survey.version} of the ${survey.kind} survey has been sent and cannot change; load the edited file as version ${survey.version + 1}`,
    );
  if (existing) {
    await manager.query(UPDATE_SURVEY, [survey.kind, survey.version, survey.title, definition, loadedBy]);
    return { id: existing.id, outcome: 'replaced', survey };
  }
  const [row] = (await manager.query(INSERT_SURVEY, [survey.kind, survey.version, survey.title, definition, loadedBy])) as [SurveyIdRow];
  return { id: row.id, outcome: 'created', survey };
}
