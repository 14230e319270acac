// Drawing ahead: while the reader reads, the page draws the charts of every filter one click away (each size class
// ticked or unticked, each other role, the other weighting), off the page and in the browser's idle time, one chart
// at a time. The click then only puts the chart in place (sized-chart.ts keeps them), instead of waiting for Plot to
// draw it: that is what lets a filter change show in the next frame. A change of several inputs at once (the reset
// button, a shared link) is drawn when it comes, as before.
import {neighbourFilters, onFilterChange, type FilterForm} from "../filters.js";
import {whenIdle} from "../idle.js";
import type {StoryFilter} from "./model.js";

/** One chart to draw ahead (a SizedChart's prepare call). */
export type DrawJob = () => void;

/** What a figure draws for a filter it may get next: its charts' draw jobs, once its numbers are known. */
export type FigureAhead = (filter: StoryFilter) => Promise<DrawJob[]> | DrawJob[];

interface Ahead {
  form: FilterForm;
  figures: FigureAhead[];
  /** Jobs still to do for the current filter, the next first (a figure's numbers, then, behind them, its charts). */
  jobs: (() => void)[];
  /** Counts filter changes: jobs made for an earlier filter are dropped. */
  round: number;
  /** Figures whose numbers for a neighbouring filter are still awaited. */
  awaiting: number;
  /** A change whose neighbours are not planned yet. */
  unplanned: boolean;
  scheduled: boolean;
}

const aheadOf = new WeakMap<FilterForm, Ahead>();

/** Milliseconds a filter stays unchanged before its neighbours are drawn ahead. */
const SETTLE = 150;

/** Milliseconds of an idle period that must be left to start a job (drawing one chart takes Plot about 2-3 ms). */
const LEFT = 4;

/** Draws ahead for `figure` whenever the form's filter is settled: now, and after every change. */
export function drawAhead(form: FilterForm, figure: FigureAhead): void {
  let ahead = aheadOf.get(form);
  if (!ahead) {
    const made: Ahead = {form, figures: [], jobs: [], round: 0, awaiting: 0, unplanned: false, scheduled: false};
    aheadOf.set(form, made);
    // A change stops what was being drawn ahead at once; the next filter's neighbours are planned once the reader has
    // let the filter be for a moment (quick successive clicks get the whole machine) and the browser is idle.
    onFilterChange(form, () => {
      const round = ++made.round;
      made.jobs = [];
      made.unplanned = true;
      delete form.dataset.drawnAhead;
      setTimeout(() => whenIdle(() => round === made.round && plan(form, made)), SETTLE);
    });
    ahead = made;
  }
  ahead.figures.push(figure);
  plan(form, ahead);
}

/** The jobs for the form's current filter: per neighbouring filter, per figure, its numbers first, then its charts. */
function plan(form: FilterForm, ahead: Ahead): void {
  const round = ++ahead.round;
  ahead.awaiting = 0;
  ahead.unplanned = false;
  delete form.dataset.drawnAhead;
  ahead.jobs = neighbourFilters(form.value, form.domain).flatMap((filter) =>
    ahead.figures.map((figure) => () => {
      const jobs = figure(filter);
      if (Array.isArray(jobs)) return void ahead.jobs.push(...jobs);
      ahead.awaiting++;
      const settle = (more: DrawJob[]) => {
        if (round !== ahead.round) return;
        ahead.awaiting--;
        ahead.jobs.push(...more);
        schedule(ahead);
      };
      // a filter whose numbers cannot be had is drawn (with its error) when chosen
      jobs.then(settle, () => settle([]));
    })
  );
  schedule(ahead);
}

function schedule(ahead: Ahead): void {
  if (ahead.scheduled) return;
  if (!ahead.jobs.length) {
    // Done for this filter (tests and the bench read it): every job run, no figure's numbers still awaited.
    if (!ahead.awaiting && !ahead.unplanned) ahead.form.dataset.drawnAhead = "";
    return;
  }
  ahead.scheduled = true;
  whenIdle((deadline) => {
    ahead.scheduled = false;
    if (typeof document === "undefined" || !ahead.form.isConnected) return; // the page or its form is gone
    while (ahead.jobs.length && deadline.timeRemaining() > LEFT) {
      try {
        ahead.jobs.shift()!();
      } catch {
        // a chart that cannot be drawn ahead is drawn (with its error) when its filter is chosen
      }
    }
    schedule(ahead);
  });
}
