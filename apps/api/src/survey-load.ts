import { storeSurvey, SurveyFileError } from '@ta/surveys';
import { runFileLoader } from './load-file-cli.js';

/** `npm run survey:load -- FILE`: validates a survey file (README, "Surveys") and stores it in DATABASE_URL. */
runFileLoader({
  command: 'survey:load',
  kind: 'survey',
  async store(manager, json) {
    const { outcome, survey } = await storeSurvey(manager, json, null);
    return `${survey.kind} version ${survey.version}: ${outcome} (${survey.questions.length} questions)`;
  },
  problemsOf: (error) => (error instanceof SurveyFileError ? error.problems : undefined),
});
