// Shared by the bench and the browser tests (runs in the page, so it must stay self-contained).
/**
 * True when every Astro island that CAN hydrate has (Astro removes `ssr` when it does). An island whose content has
 * no box (inside hidden, e.g. print-only, markup) never becomes visible, so a `client:visible` one never hydrates.
 */
export function hydratableIslandsDone() {
  return [...document.querySelectorAll('astro-island[ssr]')].every((island) => {
    const box = island.firstElementChild?.getBoundingClientRect();
    return !box || (box.width === 0 && box.height === 0);
  });
}
