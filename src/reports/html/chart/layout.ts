/**
 * The vertical layout both charts of a series share, in CSS pixels, so that side by side their
 * value axes line up. Horizontal positions are percentages of the plot width: the SVGs stretch
 * to any screen while text keeps its size (the page's CSS pads each chart for the axis labels).
 */

/** The height of every chart. */
export const CHART_HEIGHT = 250;
/** Top of the plot area; the band above holds the deploy label. */
export const PLOT_TOP = 26;
/** Bottom of the plot area (the time or category axis). */
export const PLOT_BOTTOM = 202;
/** Baseline of the first line of axis labels under the plot. */
export const AXIS_LABEL_Y = 220;
/** Baseline of the caption line under the axis labels. */
export const CAPTION_Y = 240;
/** Width of the stretched coordinate system the data lines are drawn in (x = share of the width x 1000). */
export const PLOT_UNITS = 1000;
