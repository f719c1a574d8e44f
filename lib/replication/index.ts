export * from './props';
export * from './stack-layout';
export * from './image-replication';
export { RolloutPipeline, RolloutPipelinePhase, TERRAFORM_DEFAULT_PARALLELISM } from './pipeline';
export { RolloutManifest, RolloutManifestFinding, RolloutManifestSource, RolloutManifestTarget, RolloutManifestWave } from './manifest';
