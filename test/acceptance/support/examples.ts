/**
 * The examples as the acceptance tier applies them: how to build each one,
 * what the fake must hold first (the source image, an uploaded QCOW2), the
 * variables per stack, the order stacks are applied in (the rollout
 * manifest's, for multi-stack layouts), and how many exports, copies and
 * imports one apply must make.
 */
import { App } from 'cdktf';
import { copyFileSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { byoiQcow2ImportStack } from '../../../examples/byoi-qcow2-import';
import { crossRegionCopyStack } from '../../../examples/cross-region-copy';
import { crossTenancyShareStack } from '../../../examples/cross-tenancy-share';
import { multiRegionRolloutStack, multiRegionStacksExample } from '../../../examples/multi-region-rollout';
import { FakeCloud } from '../../support/fake-oci/cloud';
import { SynthesizedApp, synthApp } from './stacks';
import { HOME_TENANCY, World } from './world';

export const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaplatform';
export const PARTNER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaapartner';

export interface ExampleCase {
  readonly name: string;
  /** The example's file in examples/. */
  readonly file: string;
  readonly build: (app: App) => void;
  /** Puts what the example expects to exist into the fake; returns the variables of its root stack. */
  readonly prepare: (cloud: FakeCloud) => Record<string, string>;
  /** The root stack (holding the variables); with a rollout manifest, the stack it sits next to. */
  readonly rootStack: string;
  /** Rollout name whose manifest orders the stacks (multi-stack layouts). */
  readonly manifestOf?: string;
  readonly expect: { readonly exports: number; readonly copies: number; readonly imports: number };
}

export const EXAMPLES: readonly ExampleCase[] = [
  {
    name: 'cross-region-copy', file: 'examples/cross-region-copy.ts', build: (a) => { crossRegionCopyStack(a); }, rootStack: 'cross-region-copy',
    prepare: (cloud) => ({ compartment_ocid: COMPARTMENT, source_image_ocid: cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT }).id }),
    expect: { exports: 1, copies: 1, imports: 1 },
  },
  {
    name: 'cross-tenancy-share', file: 'examples/cross-tenancy-share.ts', build: (a) => { crossTenancyShareStack(a); }, rootStack: 'cross-tenancy-share',
    prepare: (cloud) => ({
      source_compartment_ocid: COMPARTMENT, target_compartment_ocid: PARTNER_COMPARTMENT,
      source_image_ocid: cloud.addImage('eu-frankfurt-1', { compartmentId: COMPARTMENT, operatingSystem: 'Canonical Ubuntu', operatingSystemVersion: '22.04' }).id,
    }),
    expect: { exports: 1, copies: 0, imports: 1 },
  },
  {
    name: 'byoi-qcow2-import', file: 'examples/byoi-qcow2-import.ts', build: (a) => { byoiQcow2ImportStack(a); }, rootStack: 'byoi-qcow2-import',
    prepare: (cloud) => {
      const bucket = cloud.createBucket('sa-saopaulo-1', HOME_TENANCY, 'uploads', COMPARTMENT);
      cloud.putObject('sa-saopaulo-1', bucket.namespace, bucket.name, 'ol9.qcow2', 5 * 2 ** 30);
      return { compartment_ocid: COMPARTMENT, image_url: `https://objectstorage.sa-saopaulo-1.oraclecloud.com/n/${bucket.namespace}/b/uploads/o/ol9.qcow2` };
    },
    expect: { exports: 0, copies: 0, imports: 1 },
  },
  {
    name: 'golden-image-rollout (SINGLE_STACK)', file: 'examples/multi-region-rollout.ts', build: (a) => { multiRegionRolloutStack(a); }, rootStack: 'golden-image-rollout',
    prepare: (cloud) => ({
      compartment_ocid: COMPARTMENT, partner_compartment_ocid: PARTNER_COMPARTMENT,
      golden_image_ocid: cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT }).id,
    }),
    expect: { exports: 1, copies: 3, imports: 4 },
  },
  {
    name: 'golden-ol8-split (STACK_PER_REGION)', file: 'examples/multi-region-rollout.ts', build: (a) => { multiRegionStacksExample(a); }, rootStack: 'golden-image-source',
    manifestOf: 'golden-ol8-split',
    prepare: (cloud) => ({ compartment_ocid: COMPARTMENT, golden_image_ocid: cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT }).id }),
    expect: { exports: 1, copies: 3, imports: 3 },
  },
];

/** Stacks in apply order: the root stack, then each wave's stacks in the manifest's order. */
export function applyOrder(app: SynthesizedApp, rootStack: string, manifestOf?: string): string[] {
  const order = [rootStack];
  if (manifestOf) {
    const manifest = JSON.parse(readFileSync(join(app.stacks[rootStack], `oci-image-rollout-${manifestOf}.json`), 'utf8'));
    for (const wave of [...manifest.waves].sort((a: any, b: any) => a.order - b.order)) {
      for (const t of wave.targets) if (!order.includes(t.stack)) order.push(t.stack);
    }
  }
  for (const s of Object.keys(app.stacks)) if (!order.includes(s)) throw new Error(`stack ${s} is in no wave of the manifest`);
  return order;
}

export interface Deployed {
  readonly app: SynthesizedApp;
  readonly order: string[];
  readonly vars: Record<string, string>;
  /** Variables for a stack (only the root stack declares any). */
  varsFor(stack: string): Record<string, string>;
}

export async function synthExample(world: World, ex: ExampleCase, vars: Record<string, string>, build: (app: App) => void = ex.build): Promise<Deployed> {
  const app = await synthApp(world, ex.name.replace(/[^a-z0-9]+/gi, '-'), build);
  const order = applyOrder(app, ex.rootStack, ex.manifestOf);
  await Promise.all(order.map((s) => world.init(app.stacks[s])));
  return { app, order, vars, varsFor: (s) => (s === ex.rootStack ? vars : {}) };
}

/**
 * The program edited: synthesizes `build` afresh and carries every stack's
 * local state over from `previous`, as a user changing the program and
 * applying again in the same working copy would.
 */
export async function resynth(world: World, ex: ExampleCase, previous: Deployed, build: (app: App) => void): Promise<Deployed> {
  const app = await synthApp(world, `${ex.name.replace(/[^a-z0-9]+/gi, '-')}-edited`, build);
  for (const [stack, dir] of Object.entries(app.stacks)) {
    const old = previous.app.stacks[stack];
    if (!old) continue;
    for (const f of readdirSync(old).filter((n) => n.endsWith('.tfstate'))) copyFileSync(join(old, f), join(dir, f));
  }
  const order = applyOrder(app, ex.rootStack, ex.manifestOf);
  await Promise.all(order.map((s) => world.init(app.stacks[s])));
  return { app, order, vars: previous.vars, varsFor: previous.varsFor };
}
