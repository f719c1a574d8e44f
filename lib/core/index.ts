/** The library's one error type (the rest of core is internal helpers). */
export { OciImageTransferError } from './errors';
