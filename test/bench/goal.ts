// A bench figure with its goal: what was measured, what it should be, and whether it is. `npm run bench` prints every
// figure beside its goal and ends with a table of the goals.

export interface GoalFigure {
  /** The measured value as printed, e.g. "0,84 MB" or "12 ms". */
  value: string;
  /** The goal as printed, e.g. "<= 1 MB". */
  goal: string;
  met: boolean;
}

/** What a bench module returns: figure name -> a plain figure, or one with a goal. */
export type BenchFigures = Record<string, string | number | GoalFigure>;

export function goal(value: string, goalText: string, met: boolean): GoalFigure {
  return {value, goal: goalText, met};
}

export function isGoal(figure: unknown): figure is GoalFigure {
  return typeof figure === "object" && figure !== null && "goal" in figure && "met" in figure;
}

export const verdict = (met: boolean) => (met ? "met" : "not met");

/** Milliseconds and seconds the way the bench prints them. */
/** Milliseconds and seconds as the site writes numbers: a decimal comma. */
export const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0).replace(".", ",")} ms`;
export const seconds = (x: number) => `${(x / 1000).toFixed(1).replace(".", ",")} s`;
