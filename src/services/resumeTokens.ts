import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secretTokens.js';

/** Resume links carry a secret token (see secretTokens.ts). Only its hash is stored. */
export const newResumeToken = newSecretToken;
export const hashResumeToken = hashSecretToken;
export const looksLikeResumeToken = looksLikeSecretToken;
