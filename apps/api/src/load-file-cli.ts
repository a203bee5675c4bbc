import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@ta/config';
import { dataSourceOptions } from '@ta/database';
import { DataSource, type EntityManager } from 'typeorm';

export interface FileLoader {
  /** The npm script, for the usage line. */
  command: string;
  /** What the file is, for the error heading ("a valid … file"). */
  kind: string;
  /** Validates and stores the parsed file in the transaction; returns the line to print. */
  store(manager: EntityManager, json: unknown): Promise<string>;
  /** The problems (JSON path and message) when `error` is the loader's validation error, else undefined. */
  problemsOf(error: unknown): Array<{ path: string; message: string }> | undefined;
}

/**
 * The command-line loaders of versioned definitions (`npm run instrument:load -- FILE`, `npm run survey:load -- FILE`):
 * parse the file, store it in DATABASE_URL in one transaction, list problems one per line with the JSON path at fault.
 * Exit code 0 when stored or unchanged, 1 for a bad file or a version already answered (409), 2 without a file.
 */
export function runFileLoader(loader: FileLoader): void {
  main(loader).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}

async function main(loader: FileLoader): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error(`usage: npm run ${loader.command} -- FILE.json`);
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
    console.log(await dataSource.transaction((manager) => loader.store(manager, json)));
    return 0;
  } catch (error) {
    const problems = loader.problemsOf(error);
    if (problems) {
      console.error(`${file} is not a valid ${loader.kind} file:`);
      for (const p of problems) console.error(`  ${p.path || '(file)'}: ${p.message}`);
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
