/** Typed knowledge the compatibility rules read: OS names, support matrices, host generations, formats. */
export * from './operating-system';
export * from './support-matrix';
export * from './host-generations';
export * from './formats';
