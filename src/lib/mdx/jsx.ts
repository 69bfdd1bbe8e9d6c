/** The MDX JSX elements the chapter plugins look at (remark's mdast and rehype's hast carry them the same way). */
export interface JsxAttribute { type: string; name?: string; value?: unknown }
export interface MdxNode {
  type: string;
  name?: string | null;
  tagName?: string;
  attributes?: JsxAttribute[];
  properties?: Record<string, unknown>;
  children?: MdxNode[];
}

/** A JSX element in the MDX (flow or inline), optionally of one component. */
export const isJsx = (node: MdxNode, name?: string): boolean =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (name === undefined || node.name === name);

/** A JSX element's attribute written as a plain string (`n="3"`), else undefined. */
export function jsxAttr(node: MdxNode, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}
