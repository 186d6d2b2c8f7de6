type Op = { tag: ' ' | '-' | '+'; line: string; a: number; b: number };

const MAX_CELLS = 4_000_000;

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((line, i) => ({ tag: '-' as const, line, a: i, b: 0 })),
      ...b.map((line, j) => ({ tag: '+' as const, line, a: a.length, b: j })),
    ];
  }
  const w = b.length + 1;
  const len = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      len[i * w + j] =
        a[i] === b[j]
          ? (len[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(len[(i + 1) * w + j] ?? 0, len[i * w + j + 1] ?? 0);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ tag: ' ', line: a[i++] ?? '', a: i - 1, b: j++ });
    else if (i < a.length && (j >= b.length || (len[(i + 1) * w + j] ?? 0) >= (len[i * w + j + 1] ?? 0)))
      ops.push({ tag: '-', line: a[i++] ?? '', a: i - 1, b: j });
    else ops.push({ tag: '+', line: b[j++] ?? '', a: i, b: j - 1 });
  }
  return ops;
}

/** Unified-diff lines (`@@ -a,n +b,m @@`, then ` `, `-`, `+` lines) with `context` lines around each change. */
export function lineDiff(before: string, after: string, context = 2): string[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const ops = lcsOps(a, b);
  const changed = ops.map((o, k) => (o.tag === ' ' ? -1 : k)).filter((k) => k >= 0);
  const out: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] ?? 0) - context);
    let end = changed[k] ?? 0;
    while (k < changed.length && (changed[k] ?? 0) <= end + 2 * context + 1) end = changed[k++] ?? end;
    const hunk = ops.slice(start, Math.min(ops.length, end + context + 1));
    const first = hunk[0];
    const oldN = hunk.filter((o) => o.tag !== '+').length;
    const newN = hunk.filter((o) => o.tag !== '-').length;
    out.push(`@@ -${(first?.a ?? 0) + (oldN > 0 ? 1 : 0)},${oldN} +${(first?.b ?? 0) + (newN > 0 ? 1 : 0)},${newN} @@`);
    for (const o of hunk) out.push(`${o.tag}${o.line}`);
  }
  return out;
}
