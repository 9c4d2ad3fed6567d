import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** Used by the TypeORM CLI (`npm run migration:generate`, `migration:run`). */
export default new DataSource(dataSourceOptions(validateConfig(process.env).DATABASE_URL));
