declare namespace App {
  interface Locals {
    /** The widest (px) a page's charts can be drawn: Artboards.astro leaves out artboards for wider figures. */
    figureWidths?: import('./widgets/shared/artboards').FigureWidths;
  }
}
