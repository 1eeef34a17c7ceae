/** Reading X.509 certificates with pkijs: parse DER, read a name's fields, print it. */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// Every pkijs operation of the signing adapter runs on Node's WebCrypto.
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] }));

export const nameOid = { C: '2.5.4.6', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' } as const;

export const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** The first value of a name's attribute (CN, O …), or undefined. */
export function nameField(name: pkijs.RelativeDistinguishedNames, field: keyof typeof nameOid): string | undefined {
  const found = name.typesAndValues.find((tv) => tv.type === nameOid[field]);
  const value = found?.value as asn1js.BaseStringBlock | undefined;
  return value?.valueBlock.value;
}

/** "CN=…, O=…, C=VN": the name as a person reads it, most specific first. */
export function nameText(name: pkijs.RelativeDistinguishedNames): string {
  const short = Object.fromEntries(Object.entries(nameOid).map(([k, v]) => [v, k]));
  return [...name.typesAndValues]
    .reverse()
    .map((tv) => `${short[tv.type] ?? tv.type}=${(tv.value as asn1js.BaseStringBlock).valueBlock?.value ?? ''}`)
    .join(', ');
}

/** The certificate's common name, else its whole subject. */
export function commonName(certificate: pkijs.Certificate): string {
  return nameField(certificate.subject, 'CN') ?? nameText(certificate.subject);
}
