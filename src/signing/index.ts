export { hmacSha512Hex } from './digest';
export { sign, type SignOptions } from './sign';
export { verifySignature, type SignatureVerification } from './verify';
export { buildSignatureCase, signatureCaseArbitrary, type SignatureCaseChoice } from './signatureCases';
export { buildSignatureVectors, serialiseSignatureVectors, type SignatureVector, type SignatureVectorOptions } from './vectors';
