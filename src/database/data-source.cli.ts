// Entry for the TypeORM CLI (`npm run migration:generate` / `migration:run`): the same
// data source as the app, chosen by the same environment variables.
import { loadConfig } from '../config/config';
import { createDataSource } from './data-source';

export default createDataSource(loadConfig());
