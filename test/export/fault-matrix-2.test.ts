/** The fault matrix, second half of the classes (see fault-matrix-runner.ts). */
import { CLASS_ORDER } from './fault-matrix';
import { describeMatrix } from './fault-matrix-runner';

const SECOND_HALF = new Set(CLASS_ORDER.slice(6));
describeMatrix((c) => SECOND_HALF.has(c.cls));
