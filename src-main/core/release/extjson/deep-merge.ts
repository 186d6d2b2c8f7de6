export type JsonObject = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON merge patch (RFC 7386): objects merge key by key, arrays and scalars replace, `null` removes the key.
 * Used for a merchant's override on top of the template's rendered base.
 */
export function deepMerge(base: JsonObject, override: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else {
      const current = out[key];
      out[key] = isJsonObject(value) && isJsonObject(current) ? deepMerge(current, value) : value;
    }
  }
  return out;
}
