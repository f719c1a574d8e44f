/** Domain vocabulary as typed, cited tables. */
export * from './regions';
