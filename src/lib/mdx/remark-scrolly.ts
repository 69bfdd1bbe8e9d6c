/**
 * Numbers every <Step> through a chapter (step-1, step-2, …) and gives each <Scrolly> its last step's state,
 * which is what the chart shows when JavaScript never runs, and its number of steps (the room it takes before it is
 * laid out). Writers only say what each step shows. Each step also
 * gets its sequence's `show`, so the build can check that its highlight is drawn in the sequence's story view.
 */
import { isJsx, jsxAttr as attr, type MdxNode as Node } from './jsx';

const setAttr = (n: Node, name: string, value: string) => {
  n.attributes = (n.attributes ?? []).filter((x) => x.name !== name);
  n.attributes.push({ type: 'mdxJsxAttribute', name, value });
};

export default function remarkScrolly() {
  return (tree: Node) => {
    let step = 0;
    const walk = (n: Node, scrolly: Node | null) => {
      if (isJsx(n, 'Scrolly')) {
        scrolly = n;
        setAttr(n, 'firstStep', String(step + 1));
      }
      if (isJsx(n, 'Step')) {
        setAttr(n, 'n', String(++step));
        if (scrolly) {
          const widget = attr(scrolly, 'widget');
          if (widget) setAttr(n, 'widget', widget);
          const show = attr(scrolly, 'show');
          if (show !== undefined) setAttr(n, 'show', show);
          const asOf = attr(n, 'asOf');
          const highlight = attr(n, 'highlight');
          if (asOf) setAttr(scrolly, 'finalAsOf', asOf);
          setAttr(scrolly, 'steps', String(step - Number(attr(scrolly, 'firstStep')) + 1));
          setAttr(scrolly, 'finalHighlight', highlight ?? '');
        }
      }
      n.children?.forEach((c) => walk(c, scrolly));
    };
    walk(tree, null);
  };
}
