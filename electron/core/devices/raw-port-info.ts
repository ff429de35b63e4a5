// A serial port as a lister reports it, before it becomes the contract's PortInfo: serialport's list(),
// a binding's, or the kernel's own view (kernel-ports.ts) when serialport's lister fails.

/** What serialport's list() (or a binding's) yields; every field but path may be missing. */
export interface RawPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}
