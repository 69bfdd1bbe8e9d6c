/** Gives every paragraph of a chapter a stable id (p-1, p-2, …) so a teacher can link to it. */
interface HastNode { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] }

export default function rehypeParagraphIds() {
  return (tree: HastNode) => {
    let n = 0;
    const walk = (node: HastNode) => {
      if (node.type === 'element' && node.tagName === 'p') {
        node.properties ??= {};
        if (!node.properties.id) node.properties.id = `p-${++n}`;
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}
