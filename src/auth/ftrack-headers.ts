/** The headers ftrack itself reads to know who a request acts as, and what counts as a sane value. */
export const FTRACK_USER_HEADER = "ftrack-user";
export const FTRACK_API_KEY_HEADER = "ftrack-api-key";

/** Printable, no whitespace at the ends, bounded: anything else cannot be an ftrack username. */
export function validUsername(value: string): boolean {
  return value.length > 0 && value.length <= 256 && value.trim() === value && !/[\p{Cc}]/u.test(value);
}

export function validApiKey(value: string): boolean {
  return value.length > 0 && value.length <= 512 && /^[\x21-\x7e]+$/.test(value);
}
