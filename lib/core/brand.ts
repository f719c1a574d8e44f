/**
 * Identity by `Symbol.for` brands, as cdktf does (`TerraformStack.isStack`,
 * `TerraformOutput.isTerraformOutput`): `instanceof` fails when a program
 * loads two copies of this library or of cdktf (an npm alias such as
 * cdktn, a nested install), while a registered symbol is the same in every copy.
 */

/** The brand of one of the library's classes, e.g. `brandOf('TransitBucket')`. */
export function brandOf(className: string): symbol {
  return Symbol.for(`cdktf-oci-image-transfer.${className}`);
}

/** Marks `target` (an instance, or a class prototype for every instance) as made by the class `className`. */
export function addBrand(target: object, className: string): void {
  Object.defineProperty(target, brandOf(className), { value: true });
}

/** Whether `x` carries the brand of the class `className`. */
export function hasBrand(x: unknown, className: string): boolean {
  return x !== null && (typeof x === 'object' || typeof x === 'function') && brandOf(className) in (x as object);
}
