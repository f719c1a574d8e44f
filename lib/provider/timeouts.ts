/** Operation timeouts block shared by OCI resources, e.g. `{ create: '6h' }`. */
export interface OciResourceTimeouts {
  /** Create timeout, a Go duration such as `90m` or `6h`. @default provider default */
  readonly create?: string;
  /** Update timeout. @default provider default */
  readonly update?: string;
  /** Delete timeout. @default provider default */
  readonly destroy?: string;
}
