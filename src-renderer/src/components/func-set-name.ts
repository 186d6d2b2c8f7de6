type T = (key: string, params?: Record<string, unknown>) => string;

/** A permission set's name in the UI language. */
export function funcSetName(id: number, t: T, te: (key: string) => boolean): string {
  return te(`funcSet.${id}`) ? t(`funcSet.${id}`) : t('funcSet.unknown', { id });
}
