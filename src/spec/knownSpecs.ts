/**
 * gridX's published spec files, by SHA-256. gridX's files carry no OpenAPI `info` object, so a
 * report names a known file by its bytes: the date gridX published it. Any other file is named by
 * its own `info` (or not at all); its SHA-256 always identifies it.
 */
export const KNOWN_SPECS: Readonly<Record<string, { readonly title: string; readonly version: string }>> = {
  '5ea22eb8c2e735a933c775e551fe48d29896ea9ee7b388b593bfab240864c5de': { title: 'gridX webhook events', version: '2026-03-16' },
  f9d88b4a0ad05f46e9cd06cf4278b126fdce1581e4598d45efdd0b81e93c4cf6: { title: 'gridX webhook events', version: '2025-10-22' },
  '0c66bbf37dd07b54f207e9ac89fe5338d8a7fffa6f0e2679bfe2b5ca6ebcc2cc': { title: 'gridX webhook events', version: '2025-10-09' },
  ea11881d5b0589c5f396391b148c33b574698319edc1cf8c89a101ff0673e777: { title: 'gridX webhook events', version: '2025-08-21' },
  '7fa4043707a366d4665f334eab3eff4782061338465467180d1d8ffbc5002a72': { title: 'gridX webhook events', version: '2025-08-13' },
};
