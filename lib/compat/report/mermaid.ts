import { CompatModel } from '../model';

/**
 * Mermaid flowchart of the transfer: export → copy → PAR → import, one
 * chain per target. Nodes are keyed by construct path so edges follow the
 * lineage the constructs recorded.
 */
export function transferGraph(model: CompatModel): string[] {
  const ids = new Map<string, string>();
  const id = (path: string) => {
    let v = ids.get(path);
    if (!v) ids.set(path, (v = `n${ids.size + 1}`));
    return v;
  };
  const short = (path: string) => path.split('/').slice(1).join('/') || path;
  const lines = ['flowchart LR'];
  for (const e of model.exports) {
    lines.push(`  ${id(e.path)}["${e.existing ? 'existing object' : 'export'} (${e.format})<br/>${label(short(e.path))}"]`);
  }
  for (const c of model.copies) {
    lines.push(`  ${id(c.path)}["copy to ${label(c.targetRegion ?? '?')}<br/>${label(short(c.path))}"]`);
    if (c.upstreamPath) lines.push(`  ${id(c.upstreamPath)} --> ${id(c.path)}`);
  }
  for (const p of model.pars) {
    lines.push(`  ${id(p.path)}{{"PAR ${label(p.accessType)}<br/>${label(short(p.path))}"}}`);
    if (p.upstreamPath) lines.push(`  ${id(p.upstreamPath)} --> ${id(p.path)}`);
  }
  for (const i of model.imports) {
    const region = i.targetRegion ? ` in ${label(i.targetRegion)}` : '';
    lines.push(`  ${id(i.path)}[("import${region}<br/>${label(short(i.path))}")]`);
    const from = i.lineage.parPath ?? i.lineage.copyPath ?? i.lineage.exportPath;
    if (from) lines.push(`  ${id(from)} --> ${id(i.path)}`);
  }
  if (lines.length === 1) lines.push('  empty["no transfer in this stack"]');
  return lines;
}

function label(text: string): string {
  return text.replace(/"/g, "'").replace(/\$\{[^}]*\}/g, '(token)');
}
