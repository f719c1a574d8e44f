/** The domain vocabulary as typed, cited tables: formats, launch modes, OS names, support matrices, host generations, regions, auth modes. */
export * from './operating-system';
export * from './support-matrix';
export * from './host-generations';
export * from './formats';
export * from './regions';
export * from './auth-modes';
export * from './principal-types';
