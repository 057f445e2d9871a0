export { hmacSha512Hex } from './digest';
export { sign, type SignOptions } from './sign';
export { verifySignature, type SignatureVerification } from './verify';
export { SIGNATURE_LABELS, labelRequirement, signatureCaseArbitrary, type SignatureCase, type SignatureLabel, type SignatureRequirement } from './signatureCases';
export { buildSignatureVectors, serialiseSignatureVectors, type SignatureVector, type SignatureVectorOptions } from './vectors';
export { labelExpectation } from './signatureLabels';
