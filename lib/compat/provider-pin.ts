/**
 * Terraform version constraints of the `oci` provider. Every provider in a
 * stack writes `required_providers.oci.version` and the last one written
 * wins, so a user's own pin could be replaced by the library's depending on
 * construct order. Instead, the pins are intersected (Terraform joins
 * constraints with ",") and a pin that leaves no version is reported (OIT008).
 */

type Version = [number, number, number];

function parse(v: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

interface Term { op: string; version: Version; parts: number }

/** The terms of a constraint like `>= 7.27.0, < 9.0.0` or `~> 7.30`; undefined when a term cannot be read. */
export function parseConstraint(constraint: string): Term[] | undefined {
  const terms: Term[] = [];
  for (const raw of constraint.split(',')) {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(raw);
    const version = m ? parse(m[2]) : undefined;
    if (!m || !version) return undefined;
    terms.push({ op: m[1] ?? '=', version, parts: m[2].replace(/^v/, '').split('-')[0].split('.').length });
  }
  return terms;
}

function satisfies(v: Version, t: Term): boolean {
  const c = cmp(v, t.version);
  switch (t.op) {
    case '=': return c === 0;
    case '!=': return c !== 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    default: {
      // ~> x.y allows >= x.y, < (x+1).0; ~> x.y.z allows >= x.y.z, < x.(y+1).0.
      const upper: Version = t.parts >= 3 ? [t.version[0], t.version[1] + 1, 0] : [t.version[0] + 1, 0, 0];
      return c >= 0 && cmp(v, upper) < 0;
    }
  }
}

/**
 * True when some version satisfies every term. Candidates are the versions
 * the terms name and their neighbours, which is enough for these operators.
 */
export function constraintsOverlap(constraints: string[]): boolean | undefined {
  const terms: Term[] = [];
  for (const c of constraints) {
    const parsed = parseConstraint(c);
    if (!parsed) return undefined;
    terms.push(...parsed);
  }
  const candidates: Version[] = terms.flatMap(({ version: [a, b, c] }) => [
    [a, b, c], [a, b, c + 1], [a, b + 1, 0], [a + 1, 0, 0], [a, b, Math.max(0, c - 1)],
  ] as Version[]);
  return candidates.some((v) => terms.every((t) => satisfies(v, t)));
}

/** The joined constraint, each distinct term once, in a stable order (the user's first). */
export function joinConstraints(constraints: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of constraints) {
    for (const term of c.split(',').map((t) => t.trim()).filter(Boolean)) {
      if (!seen.has(term)) { seen.add(term); out.push(term); }
    }
  }
  return out.join(', ');
}
