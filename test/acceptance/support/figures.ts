/**
 * Figures for ACCEPTANCE.md. Each scenario file records what it measured and
 * which scenarios passed into a JSON fragment; the tier's global teardown
 * (scripts/acceptance-report.js) turns the fragments into ACCEPTANCE.md.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { REPO_ROOT } from '../../support/runner-cli';

export const FIGURES_DIR = join(REPO_ROOT, 'test/.tmp/acceptance-figures');

export interface ExampleFigures {
  example: string;
  stacks?: number;
  resources?: number;
  applyCalls?: number;
  planCalls?: number;
  exports?: number;
  copies?: number;
  imports?: number;
}

export class FigureRecorder {
  private readonly examples = new Map<string, ExampleFigures>();
  private readonly passed: { file: string; scenario: string; example: string }[] = [];
  private readonly expectedFailures: { file: string; scenario: string; example: string; reason: string }[] = [];

  constructor(private readonly file: string) {}

  example(name: string, figures: Omit<ExampleFigures, 'example'>): void {
    this.examples.set(name, { ...this.examples.get(name), example: name, ...figures });
  }

  /** Call as the last line of a scenario: reaching it means every assertion held. */
  pass(example: string, scenario: string): void {
    this.passed.push({ file: this.file, scenario, example });
  }

  /** A scenario declared with test.failing: listed in ACCEPTANCE.md with the reason, until it is flipped. */
  expectedFailure(example: string, scenario: string, reason: string): void {
    this.expectedFailures.push({ file: this.file, scenario, example, reason });
  }

  flush(): void {
    mkdirSync(FIGURES_DIR, { recursive: true });
    writeFileSync(join(FIGURES_DIR, `${this.file}.json`), JSON.stringify({ examples: [...this.examples.values()], passed: this.passed, expectedFailures: this.expectedFailures }, null, 2));
  }
}
