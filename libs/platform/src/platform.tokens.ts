/** Injection tokens of the platform module. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const KAFKA = Symbol('KAFKA');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
