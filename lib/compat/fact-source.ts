import { IConstruct } from 'constructs';
import { TransferRecord } from './model';

const TRANSFER_FACT_SOURCE = Symbol.for('cdktf-oci-image-transfer.TransferFactSource');

/**
 * A construct that tells the compatibility checker what it knows of a
 * transfer (export, copy, PAR, import, transit bucket). The checker finds
 * every fact source of its stack by walking the construct tree at synth,
 * in tree order, and asks each for its records: nothing is pushed into the
 * checker, so a record can be followed from the construct that states it.
 *
 * @internal (not part of the jsii surface)
 */
export interface ITransferFactSource extends IConstruct {
  /**
   * The records of this construct. Called at synth (and by `evaluate()`),
   * possibly more than once: return the same content each time for the same tree.
   * @internal
   */
  _transferRecords(): TransferRecord[];
}

/** Brands a construct as a fact source (a `Symbol.for` brand survives two copies of this library). */
export function markTransferFactSource(source: ITransferFactSource): void {
  Object.defineProperty(source, TRANSFER_FACT_SOURCE, { value: true });
}

export function isTransferFactSource(x: unknown): x is ITransferFactSource {
  return typeof x === 'object' && x !== null && (x as { [TRANSFER_FACT_SOURCE]?: boolean })[TRANSFER_FACT_SOURCE] === true;
}
