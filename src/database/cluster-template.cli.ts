// `npm run build` ends here: makes the migrated cluster template new embedded data directories
// copy (cluster-template.ts), unless it exists. Best effort: without it a start creates its cluster.
import { makeTemplate } from './cluster-template';
import { clusterTemplate, EXTENSIONS } from './data-source';

const started = Date.now();
void makeTemplate({ extensions: EXTENSIONS }, clusterTemplate()).then((made) => {
  console.log(
    made
      ? `embedded cluster template ready (${Date.now() - started} ms)`
      : 'embedded cluster template not made (the cache is not writable): new data directories are created in place',
  );
});
