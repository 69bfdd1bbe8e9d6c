// @vitest-environment node
// Layers point one way: content → src/lib (pure) → src/widgets → src/components → src/pages, with browser-only code
// in src/client (or beside its component). src/lib may import only itself and packages, and touches no browser global.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const LIB = join(ROOT, 'src/lib');

/** Browser globals a pure module has no business with (values and types). */
const DOM_GLOBALS = new Set([
  'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'matchMedia',
  'requestAnimationFrame', 'cancelAnimationFrame', 'customElements', 'IntersectionObserver', 'ResizeObserver',
  'MutationObserver', 'CustomEvent', 'Event', 'EventTarget', 'getComputedStyle', 'fetch', 'addEventListener',
  'removeEventListener', 'postMessage', 'Window', 'Document', 'Node', 'ParentNode', 'Element', 'HTMLElement',
  'SVGElement', 'SVGSVGElement', 'HTMLInputElement', 'HTMLButtonElement', 'HTMLAnchorElement',
  'HTMLTextAreaElement', 'HTMLDetailsElement', 'HTMLDialogElement', 'KeyboardEvent', 'PointerEvent', 'MouseEvent',
  'FocusEvent', 'MessageEvent', 'DOMParser', 'XMLSerializer', 'Image', 'HTMLCanvasElement',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|mts)$/.test(e.name) && !/\.(test|d)\.ts$/.test(e.name) ? [p] : [];
  });
}

export interface LayerProblem {
  file: string;
  line: number;
  what: string;
}

/** What in one module of src/lib breaks the layering: imports that leave src/lib, and browser globals. */
export function layerProblems(file: string, text: string): LayerProblem[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: LayerProblem[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const name = relative(ROOT, file);
  const checkSpecifier = (n: ts.Node, spec: string) => {
    if (!spec.startsWith('.')) return;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(LIB + '/') && target !== LIB) out.push({ file: name, line: at(n), what: `imports ${relative(ROOT, target)} (outside src/lib)` });
  };
  // Names the module binds itself (an imported `Node` from mdast is not the DOM's).
  const own = new Set<string>();
  const bind = (n: ts.Node) => {
    if ((ts.isImportSpecifier(n) || ts.isImportClause(n) || ts.isNamespaceImport(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isVariableDeclaration(n) || ts.isParameter(n)) && n.name && ts.isIdentifier(n.name)) own.add(n.name.text);
    ts.forEachChild(n, bind);
  };
  bind(sf);
  const visit = (n: ts.Node) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      checkSpecifier(n, n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      checkSpecifier(n, n.arguments[0].text);
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'glob' && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      checkSpecifier(n, n.arguments[0].text);
    } else if (ts.isIdentifier(n) && DOM_GLOBALS.has(n.text) && !own.has(n.text)) {
      const p = n.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === n) ||
        (ts.isQualifiedName(p) && p.right === n);
      if (!isMemberName) out.push({ file: name, line: at(n), what: `uses the browser global ${n.text}` });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('layers', () => {
  it('src/lib imports only src/lib and packages, and uses no browser global', () => {
    const problems = sources(LIB).flatMap((f) => layerProblems(f, readFileSync(f, 'utf8')));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.what}`)).toEqual([]);
  });

  it('catches an upward import, a dynamic import, a glob and a browser global', () => {
    const file = join(LIB, 'example.ts');
    const found = layerProblems(
      file,
      [
        "import { getWidget } from '../widgets/registry';",
        "export type { X } from '../components/x';",
        "const m = () => import('../client/scrolly');",
        "const g = import.meta.glob('../widgets/*/data.ts');",
        'export const w = () => document.title;',
        'export function f(el: HTMLElement) { return el; }',
        "import { parseState } from './widget-state';",
        'export const ok = (o: { document: string }) => o.document;',
        "import type { Node } from 'unist';",
        'export const n = (x: Node) => x;',
      ].join('\n'),
    ).map((p) => `${p.line} ${p.what}`);
    expect(found).toEqual([
      '1 imports src/widgets/registry (outside src/lib)',
      '2 imports src/components/x (outside src/lib)',
      '3 imports src/client/scrolly (outside src/lib)',
      '4 imports src/widgets/*/data.ts (outside src/lib)',
      '5 uses the browser global document',
      '6 uses the browser global HTMLElement',
    ]);
  });
});
