import type { DeliveryRequest } from '../../delivery';
import { sign } from '../../signing';
import { gridx } from '../../contract/gridx';

/**
 * The request gridX would make for `body`: POST, `content-type: application/json`, and an
 * `X-Signature` with one digest per secret (a rotation sends several) over exactly these bytes.
 */
export function signedDelivery(url: string, body: Buffer, secrets: readonly string[], headerName = gridx.signature.header): DeliveryRequest {
  return { url, body, headers: { 'content-type': 'application/json', [headerName.toLowerCase()]: sign(body, secrets) } };
}
