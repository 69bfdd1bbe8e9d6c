/**
 * Gives every paragraph of a chapter a stable id (p-1, p-2, …) so a teacher can link to it, and marks each paragraph
 * of the chapter's own prose with the address its "copy link" button copies (`data-link-to`): a scroll step's first
 * paragraph copies the step (step-N, which also sets the chart), every other paragraph itself. Paragraphs inside
 * other components are not the chapter's prose and get no button. The chapter page draws the buttons from the mark
 * at build time (LinkedParagraph.astro), so the page never has to add them, and lay every paragraph out again, after
 * it loads.
 */
import { isJsx, jsxAttr, type MdxNode as HastNode } from './jsx';

/** Components whose paragraphs are the chapter's prose (remark-scrolly numbers the steps). */
const PROSE = new Set(['Scrolly', 'Step']);

export default function rehypeParagraphIds() {
  return (tree: HastNode) => {
    let n = 0;
    // `step`: the step being walked, until its first paragraph has taken the step's address.
    const walk = (node: HastNode, prose: boolean, step: { id: string; taken: boolean } | null) => {
      if (node.type === 'element' && node.tagName === 'p') {
        node.properties ??= {};
        if (!node.properties.id) node.properties.id = `p-${++n}`;
        if (prose) {
          const ownStep = step && !step.taken ? step : null;
          if (ownStep) ownStep.taken = true;
          node.properties.dataLinkTo = ownStep ? ownStep.id : String(node.properties.id);
        }
        return;
      }
      if (isJsx(node)) {
        if (!PROSE.has(node.name ?? '')) prose = false;
        if (node.name === 'Step') {
          const stepN = jsxAttr(node, 'n');
          step = stepN === undefined ? null : { id: `step-${stepN}`, taken: false };
        }
      }
      node.children?.forEach((child) => walk(child, prose, step));
    };
    walk(tree, true, null);
  };
}
