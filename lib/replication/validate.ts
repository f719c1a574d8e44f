import { OciImageTransferError } from '../core/errors';
import { ImageReplicationProps, ReplicationTarget } from './props';
import { StackLayout } from './stack-layout';

/** A target with its resolved name and wave. */
export interface ResolvedTarget {
  readonly name: string;
  readonly target: ReplicationTarget;
  readonly wave: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Checks the rollout's shape and returns the waves, each a list of targets, in order. */
export function resolveWaves(path: string, props: ImageReplicationProps): ResolvedTarget[][] {
  if (!props.rolloutName || !NAME.test(props.rolloutName)) {
    throw new OciImageTransferError(path, `rolloutName is ${JSON.stringify(props.rolloutName)}`, 'use letters, digits, "-" and "_" (it names tags, outputs and stacks)');
  }
  if (!props.targets || props.targets.length === 0) {
    throw new OciImageTransferError(path, 'the target list is empty', 'add at least one target region', ['F-01']);
  }
  const byName = new Map<string, ReplicationTarget>();
  const sameTenancyRegions = new Map<string, string>();
  for (const target of props.targets) {
    const name = target.name ?? target.region;
    if (!name || !NAME.test(name)) {
      throw new OciImageTransferError(path, `target name ${JSON.stringify(name)}`, 'name targets with letters, digits, "-" and "_" (or give a region)');
    }
    if (byName.has(name)) {
      throw new OciImageTransferError(path, `target ${JSON.stringify(name)} appears twice`, 'give each target a unique name (targets default to their region)');
    }
    byName.set(name, target);
    if (!target.otherTenancy) {
      const other = sameTenancyRegions.get(target.region);
      if (other) {
        throw new OciImageTransferError(path, `region ${JSON.stringify(target.region)} is a target twice (${other} and ${name})`,
          'keep one target per region in this tenancy; use otherTenancy for another tenancy', ['F-02']);
      }
      sameTenancyRegions.set(target.region, name);
      if (target.region === props.source.region && !target.sourceRegionReason?.trim()) {
        throw new OciImageTransferError(path, `target ${JSON.stringify(name)} is the source region ${JSON.stringify(target.region)}`,
          'the image already lives there: drop the target, or set sourceRegionReason (e.g. "import into another compartment")', ['F-02']);
      }
    }
    if (target.provider && (props.stackLayout ?? StackLayout.SINGLE_STACK) !== StackLayout.SINGLE_STACK) {
      throw new OciImageTransferError(path, `target ${JSON.stringify(name)} passes a provider with stack layout ${props.stackLayout}`,
        'pass providerConfig instead: each stack gets its own provider', ['F-68']);
    }
  }
  const waves = props.waves ?? [{ name: 'all', targets: [...byName.keys()] }];
  if (waves.length === 0) throw new OciImageTransferError(path, 'waves is an empty list', 'leave waves unset (one wave) or list at least one wave');
  const placed = new Map<string, string>();
  const result: ResolvedTarget[][] = [];
  const waveNames = new Set<string>();
  for (const wave of waves) {
    if (!wave.name || !NAME.test(wave.name) || waveNames.has(wave.name)) {
      throw new OciImageTransferError(path, `wave name ${JSON.stringify(wave.name)}`, 'give each wave a unique name of letters, digits, "-" and "_"');
    }
    waveNames.add(wave.name);
    if (!wave.targets || wave.targets.length === 0) throw new OciImageTransferError(path, `wave ${JSON.stringify(wave.name)} has no targets`, 'list at least one target name in it, or remove it');
    result.push(wave.targets.map((name) => {
      const target = byName.get(name);
      if (!target) {
        throw new OciImageTransferError(path, `wave ${JSON.stringify(wave.name)} names unknown target ${JSON.stringify(name)}`,
          `use one of ${[...byName.keys()].map((n) => JSON.stringify(n)).join(', ')}`);
      }
      const earlier = placed.get(name);
      if (earlier) throw new OciImageTransferError(path, `target ${JSON.stringify(name)} is in waves ${JSON.stringify(earlier)} and ${JSON.stringify(wave.name)}`, 'put each target in exactly one wave');
      placed.set(name, wave.name);
      return { name, target, wave: wave.name };
    }));
  }
  const missing = [...byName.keys()].filter((n) => !placed.has(n));
  if (missing.length) {
    throw new OciImageTransferError(path, `target(s) ${missing.map((n) => JSON.stringify(n)).join(', ')} are in no wave`, 'add them to a wave, or remove them');
  }
  return result;
}
