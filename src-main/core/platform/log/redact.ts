const TOKEN_QUERY =
  /([?&](?:component_access_token|access_token|authorizer_access_token|pre_auth_code|auth_code|ticket)=)[^&#\s"']*/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const SECRET_KEY = /token|secret|authorization|aeskey|password|ticket|auth_code|credential/i;

/** Replaces token-bearing query parameters and bearer credentials in free text with `***`. */
export function redactText(text: string): string {
  return text.replace(TOKEN_QUERY, '$1***').replace(BEARER, '$1 ***');
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Deep copy with secret-looking keys masked and every string passed through `redactText`. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      isSecretKey(key) && v !== null && v !== undefined && typeof v !== 'boolean' && typeof v !== 'number'
        ? '***'
        : redactValue(v, depth + 1);
  }
  return out;
}
