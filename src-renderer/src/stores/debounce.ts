/** Coalesces bursts of change events (a batch deploy emits hundreds) into one reload. */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, ms);
  };
}

export function upsert<T>(rows: T[], row: T, same: (a: T, b: T) => boolean): T[] {
  const index = rows.findIndex((r) => same(r, row));
  if (index === -1) return [row, ...rows];
  const copy = rows.slice();
  copy[index] = row;
  return copy;
}
