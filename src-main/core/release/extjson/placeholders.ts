const VAR = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export interface Unresolved {
  name: string;
  /** JSON path where it was found, e.g. `ext.shopId`. */
  path: string;
}

function fill(text: string, vars: Readonly<Record<string, string>>, path: string, missing: Unresolved[]): string {
  return text.replace(VAR, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      missing.push({ name, path });
      return whole;
    }
    return value;
  });
}

/**
 * Replaces `{{name}}` inside every string (and key) of a parsed JSON value. Substituting after parsing means a
 * value with quotes or backslashes can never change the JSON's structure.
 */
export function substitute(
  value: unknown,
  vars: Readonly<Record<string, string>>,
  missing: Unresolved[],
  path = '$',
): unknown {
  if (typeof value === 'string') return fill(value, vars, path, missing);
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, vars, missing, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const key = fill(k, vars, path, missing);
        return [key, substitute(v, vars, missing, `${path}.${key}`)];
      }),
    );
  }
  return value;
}
