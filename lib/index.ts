// Re-exports only.
export * from './core';
export * from './core';
export * from './provider';
export * from './storage-url';
export * from './compat';
export * from './knowledge';
export * from './image';
export * from './replication';
export * from './plan-checks';
