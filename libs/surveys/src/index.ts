export * from './survey-enums.js';
export { SurveyFileError, parseSurveyFile, type SurveyFile, type SurveyProblem } from './survey-file.js';
export { storeSurvey, type LoadOutcome } from './survey-store.js';
export { SurveysModule } from './surveys.module.js';
export { SurveySweep, SurveySweepModule } from './survey.sweep.js';
