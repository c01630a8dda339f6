/**
 * Sharing rows (or columns) among panels by priority: the least important panels are condensed
 * first, then dropped; what is left over goes to the panels that can grow.
 */

export interface Claim {
  readonly id: string;
  /** Fewest rows the panel can use at all (its condensed form); 0 means it can always be dropped. */
  readonly min: number;
  /** Rows it needs to show everything at its natural size. */
  readonly want: number;
  /** Rows it can use at most when there is room to spare (projectors). @default want */
  readonly max?: number;
  /** Higher is more important: kept longest, served first. */
  readonly priority: number;
  /** Share of the spare rows beyond `want` (charts, heatmaps). @default 0 */
  readonly grow?: number;
  /** Never dropped while a row is left (the verdict, the run labels…), even below its min. @default false */
  readonly required?: boolean;
}

/** Rows per panel id (0 = dropped); the total never exceeds `total`. */
export function allocate(total: number, claims: readonly Claim[]): Map<string, number> {
  const out = new Map(claims.map((c) => [c.id, 0]));
  const byPriority = [...claims].sort((a, b) => b.priority - a.priority);
  // Keep panels by priority while their minimum rows fit.
  let used = 0;
  const kept: Claim[] = [];
  for (const c of byPriority) {
    if (c.min <= 0 && !c.required) continue;
    if (used + c.min <= total) {
      kept.push(c);
      used += c.min;
      out.set(c.id, c.min);
    } else if (c.required && used < total) {
      // A required panel squeezed below its minimum still shows what fits; the total never overflows.
      kept.push(c);
      out.set(c.id, total - used);
      used = total;
    }
  }
  // Then raise each kept panel towards its natural size, most important first.
  for (const c of kept) {
    const more = Math.min(c.want - c.min, total - used);
    if (more > 0) {
      out.set(c.id, c.min + more);
      used += more;
    }
  }
  // Panels whose min is 0 come in next, if their natural size fits.
  for (const c of byPriority) {
    if (kept.includes(c) || c.want <= 0) continue;
    if (used + c.want <= total) {
      kept.push(c);
      out.set(c.id, c.want);
      used += c.want;
    }
  }
  // Spare rows go to the panels that grow, in proportion to their weight, up to their max.
  let spare = total - used;
  for (let round = 0; round < 4 && spare > 0; round++) {
    const growing = kept.filter((c) => (c.grow ?? 0) > 0 && out.get(c.id)! < (c.max ?? c.want));
    const weight = growing.reduce((s, c) => s + c.grow!, 0);
    if (weight === 0) break;
    let given = 0;
    for (const c of growing) {
      const room = (c.max ?? c.want) - out.get(c.id)!;
      const share = Math.min(room, Math.floor((spare * c.grow!) / weight));
      out.set(c.id, out.get(c.id)! + share);
      given += share;
    }
    if (given === 0) {
      // Rounding left a few rows: one each to the most important growing panels.
      for (const c of growing) {
        if (spare - given <= 0) break;
        out.set(c.id, out.get(c.id)! + 1);
        given++;
      }
    }
    spare -= given;
  }
  return out;
}
