export { ObjectStorageUrl } from './object-storage-url';
export { StorageUrlError } from './errors';
export * from './types';
