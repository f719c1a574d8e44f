import { OciImageTransferError } from '../core/errors';
import { show } from '../core/validate';
/**
 * Image file formats on both sides of a transfer and the launch mode an
 * import should use (F-05, F-10..F-13). Values are validated here once so
 * constructs and rules share one definition.
 */

function pick<T extends { readonly value: string }>(all: T[], value: string): T | undefined {
  // Callers in other languages can pass anything: a non-string is simply not a value.
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toUpperCase();
  return all.find((x) => x.value === v);
}

function unknownValue(where: string, kind: string, value: unknown, all: { readonly value: string }[], className: string): Error {
  return new OciImageTransferError(where, `${kind} ${show(value)} is not one of ${all.map((x) => x.value).join(', ')}`,
    `use ${className}.${all[0].value} (or another listed value)`);
}

/** Formats an image can be exported to (F-10). */
export class ExportFormat {
  public static readonly OCI = new ExportFormat('OCI', '.oci', 'OCI file: a QCOW2 image plus OCI metadata');
  public static readonly QCOW2 = new ExportFormat('QCOW2', '.qcow2', 'QEMU Copy On Write');
  public static readonly VMDK = new ExportFormat('VMDK', '.vmdk', 'Virtual Machine Disk');
  public static readonly VHD = new ExportFormat('VHD', '.vhd', 'Virtual Hard Disk (Hyper-V)');
  public static readonly VDI = new ExportFormat('VDI', '.vdi', 'Virtual Disk Image (VirtualBox)');
  public static readonly ALL: ExportFormat[] = Object.freeze([
    ExportFormat.OCI, ExportFormat.QCOW2, ExportFormat.VMDK, ExportFormat.VHD, ExportFormat.VDI,
  ]) as ExportFormat[];
  /** What OCI uses when no format is given (F-24). */
  public static readonly DEFAULT = ExportFormat.OCI;

  /** The format for a value such as `qcow2`; undefined when it is not one. */
  public static tryOf(value: string): ExportFormat | undefined {
    return pick(ExportFormat.ALL, value);
  }

  /** Like `tryOf`, but throws an Error naming the bad value and the allowed ones. */
  public static of(value: string): ExportFormat {
    const f = ExportFormat.tryOf(value);
    if (!f) throw unknownValue('ExportFormat.of', 'export format', value, ExportFormat.ALL, 'ExportFormat');
    return f;
  }

  /** The format whose extension ends an object name (`images/web.qcow2` → QCOW2); undefined otherwise. */
  public static tryFromObjectName(objectName: string): ExportFormat | undefined {
    const n = objectName.trim().toLowerCase();
    return ExportFormat.ALL.find((f) => n.endsWith(f.extension));
  }

  private constructor(
    public readonly value: string,
    /** File extension, with the dot. */
    public readonly extension: string,
    public readonly description: string,
  ) {}

  /** The import type that reads this format; undefined for VHD and VDI, which cannot be imported (F-11). */
  public get importType(): ImageImportType | undefined {
    return ImageImportType.tryOf(this.value);
  }

  /** False for VHD and VDI: an export → import chain through them is impossible (F-11). */
  public get isImportable(): boolean {
    return this.importType !== undefined;
  }

  /** Only OCI keeps the OCI metadata needed to share between regions and tenancies (F-05). */
  public get preservesOciMetadata(): boolean {
    return this === ExportFormat.OCI;
  }

  public toString(): string {
    return this.value;
  }
}

/** Image types an import accepts (F-11). */
export class ImageImportType {
  public static readonly OCI = new ImageImportType('OCI', '.oci', undefined);
  public static readonly QCOW2 = new ImageImportType('QCOW2', '.qcow2', 'QCOW2');
  public static readonly VMDK = new ImageImportType('VMDK', '.vmdk', 'VMDK');
  public static readonly ALL: ImageImportType[] = Object.freeze([ImageImportType.OCI, ImageImportType.QCOW2, ImageImportType.VMDK]) as ImageImportType[];

  public static tryOf(value: string): ImageImportType | undefined {
    return pick(ImageImportType.ALL, value);
  }

  /** Like `tryOf`, but throws an Error naming the bad value and the allowed ones. */
  public static of(value: string): ImageImportType {
    const t = ImageImportType.tryOf(value);
    if (!t) throw unknownValue('ImageImportType.of', 'image import type', value, ImageImportType.ALL, 'ImageImportType');
    return t;
  }

  private constructor(
    public readonly value: string,
    public readonly extension: string,
    /**
     * Value for the provider's `source_image_type`; undefined for OCI, where it
     * must be left unset (F-13).
     */
    public readonly providerSourceImageType: string | undefined,
  ) {}

  /** The export format that produces this type. */
  public get exportFormat(): ExportFormat {
    return ExportFormat.of(this.value);
  }

  public toString(): string {
    return this.value;
  }
}

/** Launch modes accepted by the provider/SDK (F-12); the provider does not validate them. */
export class LaunchMode {
  public static readonly NATIVE = new LaunchMode('NATIVE');
  public static readonly EMULATED = new LaunchMode('EMULATED');
  public static readonly PARAVIRTUALIZED = new LaunchMode('PARAVIRTUALIZED');
  public static readonly CUSTOM = new LaunchMode('CUSTOM');
  /** Added in version 8 of the oracle/oci provider (F-12). */
  public static readonly ACCELERATEDPV = new LaunchMode('ACCELERATEDPV', 8);
  public static readonly ALL: LaunchMode[] = Object.freeze([
    LaunchMode.NATIVE, LaunchMode.EMULATED, LaunchMode.PARAVIRTUALIZED, LaunchMode.CUSTOM, LaunchMode.ACCELERATEDPV,
  ]) as LaunchMode[];

  public static tryOf(value: string): LaunchMode | undefined {
    return pick(LaunchMode.ALL, value);
  }

  /** Like `tryOf`, but throws an Error naming the bad value and the allowed ones. */
  public static of(value: string): LaunchMode {
    const m = LaunchMode.tryOf(value);
    if (!m) throw unknownValue('LaunchMode.of', 'launch mode', value, LaunchMode.ALL, 'LaunchMode');
    return m;
  }

  private constructor(
    public readonly value: string,
    /** Lowest oracle/oci provider major version that accepts it; undefined when every supported version does. */
    public readonly minProviderMajorVersion?: number,
  ) {}

  public isAvailableInProvider(providerMajorVersion: number): boolean {
    return this.minProviderMajorVersion === undefined || providerMajorVersion >= this.minProviderMajorVersion;
  }

  public toString(): string {
    return this.value;
  }
}

/** Which launch mode an import should use (F-12). */
export class LaunchModeDefaults {
  /**
   * The mode to synthesize: none for OCI files (OCI takes it from the source
   * image, and setting one is a mistake), NATIVE for a QCOW2 exported from OCI,
   * PARAVIRTUALIZED for anything else.
   */
  public static forImport(importType: ImageImportType, exportedFromOci: boolean): LaunchMode | undefined {
    if (importType === ImageImportType.OCI) return undefined;
    if (importType === ImageImportType.QCOW2 && exportedFromOci) return LaunchMode.NATIVE;
    return LaunchMode.PARAVIRTUALIZED;
  }

  /** Modes OCI documents for this case; empty for OCI files, where none may be set. */
  public static allowedForImport(importType: ImageImportType, exportedFromOci: boolean): LaunchMode[] {
    if (importType === ImageImportType.OCI) return [];
    if (importType === ImageImportType.QCOW2 && exportedFromOci) return [LaunchMode.NATIVE];
    return [LaunchMode.PARAVIRTUALIZED, LaunchMode.EMULATED];
  }

  private constructor() {}
}
