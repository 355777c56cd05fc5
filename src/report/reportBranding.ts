/**
 * The consultant firm's name and logo on a report: the cover shows the logo and "Prepared by"
 * the firm, and every page's running header shows the firm's name (with a small logo). A report
 * without it is drawn exactly as before.
 *
 * It travels with a render request to the worker thread by structured clone, which copies a
 * typed array's whole underlying buffer: `renderBrandingOf` makes sure the logo owns exactly its
 * bytes, so a logo that is a view into a larger buffer does not drag that buffer along.
 */

export interface ReportLogo {
  /** A PNG of 8-bit RGB without alpha (as prepareLogo makes it): PDF/A-1 allows no transparency. */
  png: Uint8Array;
  /** In pixels. */
  width: number;
  height: number;
}

export interface ReportBranding {
  firmName: string;
  logo?: ReportLogo;
}

/** A typed array that owns exactly its bytes: itself when it does, else a copy of them. */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
}

/** The branding as it crosses to a render worker: plain data, the logo's bytes only. */
export function renderBrandingOf(branding: ReportBranding): ReportBranding {
  const { firmName, logo } = branding;
  return logo ? { firmName, logo: { png: ownBytes(logo.png), width: logo.width, height: logo.height } } : { firmName };
}
