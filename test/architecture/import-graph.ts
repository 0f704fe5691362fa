/**
 * The import graph of a folder of TypeScript modules, read by the TypeScript compiler
 * itself: `ts.preProcessFile` lists every specifier a file names (value and `import type`
 * imports, `export … from`, dynamic `import()`), and `ts.resolveModuleName` resolves them
 * the way `tsc` does under NodeNext (`./x.js` → `./x.ts`). Only edges inside the folder count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };

/** Every `.ts` file under `root` → the files under `root` it imports (paths relative to `root`, `/`-separated). */
export function importGraph(root: string): ImportGraph {
  const abs = path.resolve(root);
  const rel = (f: string): string => path.relative(abs, f).split(path.sep).join('/');
  const files = readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(abs, f))
    .sort();
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = new Set<string>();
    for (const ref of info.importedFiles) {
      const found = ts.resolveModuleName(ref.fileName, file, OPTIONS, ts.sys).resolvedModule;
      if (!found || found.isExternalLibraryImport) continue;
      const target = path.resolve(found.resolvedFileName);
      if (target.startsWith(abs + path.sep)) deps.add(rel(target));
    }
    graph.set(rel(file), [...deps].sort());
  }
  return graph;
}

export interface ImportCycle {
  /** Every module of the strongly connected component, sorted. */
  members: string[];
  /** One closed walk along real imports from the first member: `['a.ts', 'b.ts', 'a.ts']`. */
  cycle: string[];
}

/**
 * Strongly connected components with more than one module (or a module importing itself),
 * by Tarjan's algorithm, each with one concrete cycle to show.
 */
export function importCycles(graph: ImportGraph): ImportCycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return components.map((c) => ({ members: [...c].sort(), cycle: cycleThrough(graph, new Set(c)) })).sort((a, b) => (a.members[0]! < b.members[0]! ? -1 : 1));
}

/** A closed walk from the component's first module that follows real import edges (shortest hops). */
function cycleThrough(graph: ImportGraph, members: Set<string>): string[] {
  const start = [...members].sort()[0]!;
  const walk = [start];
  const seen = new Set([start]);
  let at = start;
  // greedily extend to unvisited members, then close the cycle by the shortest path back
  for (;;) {
    const next = (graph.get(at) ?? []).find((w) => members.has(w) && !seen.has(w));
    if (!next) break;
    walk.push(next);
    seen.add(next);
    at = next;
  }
  return [...walk, ...shortestPath(graph, members, at, start).slice(1)];
}

function shortestPath(graph: ImportGraph, members: Set<string>, from: string, to: string): string[] {
  if (from === to) return [from, to];
  const prev = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w) || prev.has(w)) continue;
      prev.set(w, v);
      if (w === to) {
        const p = [to];
        while (p[0] !== from) p.unshift(prev.get(p[0]!)!);
        return p;
      }
      queue.push(w);
    }
  }
  return [from, to];
}
