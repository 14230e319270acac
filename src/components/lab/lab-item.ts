// What the lab's factor and reliability components need to know of a question: its id, short label, the
// report's topic title and the full wording (from the codebook through the lab's metadata).
export interface LabQuestion {
  id: string;
  label: string;
  /** Title of the report's topic the question belongs to. */
  topic: string;
  text: string;
}

/** Wraps a figure's options into a figure element (the lab's labFigure: storyFigure with its chart accessibility fix). */
export type MakeFigure = (options: import("../story/figure.js").FigureOptions) => HTMLElement;
