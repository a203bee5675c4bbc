import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@ta/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** The DataSource the TypeORM CLI uses (`npm run migration:*`), run from the compiled dist/ tree. */
const distRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default new DataSource({
  ...dataSourceOptions(loadConfig()),
  entities: [`${distRoot}libs/*/src/**/*.entity.js`],
});
