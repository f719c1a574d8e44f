import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { App, TerraformStack } from 'cdktf';

/** Disposable folder for synth output: tests never write into the repo root. */
export function tempDir(prefix = 'synth-'): string {
  const base = resolve(__dirname, '..', '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}

/** A fresh App writing to a temp folder, never the project's cdktf.out. */
export function newApp(): App {
  return new App({ outdir: tempDir('app-'), skipValidation: false });
}

/** Synthesizes the app and returns the parsed cdk.tf.json of one stack. */
export function synthJson(app: App, stack: TerraformStack): any {
  app.synth();
  return JSON.parse(readFileSync(stackFile(app, stack, 'cdk.tf.json'), 'utf8'));
}

/** Path of a file written next to a stack's cdk.tf.json. */
export function stackFile(app: App, stack: TerraformStack, name: string): string {
  return join(app.outdir, 'stacks', stack.node.id, name);
}

export const SCHEMA_CHECKER = resolve(__dirname, '..', '..', '..', 'shared', 'tools', 'check-provider-schema.mjs');

/** Runs the shared provider-schema checker; returns undefined when ../shared is absent. */
export function checkProviderSchema(path: string): { ok: boolean; output: string } | undefined {
  if (!existsSync(SCHEMA_CHECKER)) return undefined;
  try {
    const output = execFileSync(process.execPath, [SCHEMA_CHECKER, path], { encoding: 'utf8' });
    return { ok: true, output };
  } catch (e: any) {
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** All resources of one type in a synthesized stack. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** Resolves tokens the way synth does (e.g. to read a URL expression). */
export function resolveIn(scope: TerraformStack, value: unknown): any {
  const { Tokenization, DefaultTokenResolver, StringConcat } = require('cdktf');
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}
