/**
 * `node --require` hook that runs the runner's TypeScript sources in a child
 * process without a build: each .ts file is transpiled on load with the
 * TypeScript compiler (a devDependency), so tests work straight after
 * `npm ci`. Type checking is left to tsc and ts-jest. Output is cached by
 * content hash in the temp dir because loading the compiler costs ~0.7 s
 * per process.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const cacheDir = path.join(os.tmpdir(), 'oci-image-export-ts-cache');
let ts;

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    ts = ts || require('typescript');
    output = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: false },
    }).outputText;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, output);
      fs.renameSync(tmp, cached); // atomic: parallel processes never read half a file
    } catch {
      // cache is an optimisation only
    }
  }
  module._compile(output, filename);
};
