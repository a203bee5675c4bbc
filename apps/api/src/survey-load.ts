import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@ta/config';
import { dataSourceOptions } from '@ta/database';
import { storeSurvey, SurveyFileError } from '@ta/surveys';
import { DataSource } from 'typeorm';

/**
 * `npm run survey:load -- FILE`: validates a survey file (README, "Surveys") and stores it in DATABASE_URL.
 * Problems are listed one per line with the JSON path at fault; the exit code is 1 then, 0 when stored or unchanged.
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run survey:load -- FILE.json');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    return 1;
  }
  const dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  try {
    const { outcome, survey } = await dataSource.transaction((manager) => storeSurvey(manager, json, null));
    console.log(`${survey.kind} version ${survey.version}: ${outcome} (${survey.questions.length} questions)`);
    return 0;
  } catch (error) {
    if (error instanceof SurveyFileError) {
      console.error(`${file} is not a valid survey file:`);
      for (const p of error.problems) console.error(`  ${p.path || '(file)'}: ${p.message}`);
      return 1;
    }
    if ((error as { status?: number }).status === 409) {
      console.error((error as Error).message);
      return 1;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
