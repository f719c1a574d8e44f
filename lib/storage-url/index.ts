export { ObjectStorageUrl } from './object-storage-url';
export * from './types';
