export * from './props';
export * from './stack-layout';
export * from './image-replication';
