// The runner choice lives with the runner (lib/export/export-runner.ts); re-exported here for the image layer's users.
export * from '../export/export-runner';
