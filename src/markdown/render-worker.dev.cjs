// Starts render-worker.ts in a worker thread when the code runs from its TypeScript sources
// (unit specs under ts-jest), where there is no compiled render-worker.js: TypeScript compiles
// each module as it is required. The built server never uses this file.
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
require(workerData.entry);
