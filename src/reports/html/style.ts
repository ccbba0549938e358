/** The HTML report's inline stylesheet: no external fonts or assets, readable on a phone, on screen and on paper. */
const PAGE_STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --inconclusive: #9a6700; --warn: #bc4c00; --muted: #57606a; --line: #d0d7de;
  --baseline: #6e7781; --baseline-fill: #eaeef2; --candidate: #0969da; --candidate-fill: #ddf4ff; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
header, section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 16px; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 0 0 6px; }
.badge { display: inline-block; min-width: 4.5em; text-align: center; padding: 1px 8px; border-radius: 12px; color: #fff; font-size: 12px; font-weight: 600; vertical-align: middle; }
.pass { background: var(--pass); } .fail { background: var(--fail); } .inconclusive { background: var(--inconclusive); } .warn { background: var(--warn); }
.muted { color: var(--muted); } .error { color: var(--fail); }
section.check-fail { border-left: 6px solid var(--fail); } section.check-pass { border-left: 6px solid var(--pass); }
section.check-inconclusive { border-left: 6px solid var(--inconclusive); } section.check-warn { border-left: 6px solid var(--warn); }
.table-scroll { overflow-x: auto; }
td.reason { min-width: 12em; } td:first-child { min-width: 12em; }
td code { word-break: normal; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 16px; margin: 8px 0 0; } dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
details { margin-top: 8px; } summary { cursor: pointer; color: var(--muted); }
ul { margin: 6px 0; padding-left: 20px; }
`;

const CHART_STYLE = `
.series-figure { margin: 14px 0 0; padding-top: 12px; border-top: 1px solid var(--line); }
.series-figure figcaption p { margin: 4px 0; }
.series-head code { font-size: 13px; }
.numbers { font-variant-numeric: tabular-nums; color: #1f2328; }
.numbers span { display: inline-block; margin-right: 14px; white-space: nowrap; } .numbers .change { font-weight: 600; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 18px; padding: 0; margin: 6px 0 2px; font-size: 12px; color: var(--muted); }
.legend .key { vertical-align: middle; margin-right: 6px; }
.charts { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 8px 24px; }
.chart { display: block; width: 100%; height: 250px; overflow: visible; padding: 0 14px 0 52px; }
.chart text { font: 11px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; fill: var(--muted); font-variant-numeric: tabular-nums; }
.chart .side-name { font-weight: 600; fill: #1f2328; }
.grid { stroke: #eaeef2; stroke-width: 1; } .axis, .tick-mark { stroke: #8c959f; stroke-width: 1; }
.line { fill: none; stroke-width: 1.75; stroke-linejoin: round; stroke-linecap: round; }
.line.baseline, .side.baseline .whisker, .side.baseline .median { stroke: var(--baseline); }
.line.candidate, .side.candidate .whisker, .side.candidate .median { stroke: var(--candidate); }
.marker { stroke-width: 2; } .marker.baseline { fill: #fff; stroke: var(--baseline); } .marker.candidate { fill: var(--candidate); stroke: var(--candidate); }
.deploy { stroke: #1f2328; stroke-width: 1.5; } .chart .deploy-label { fill: #1f2328; font-weight: 600; }
.warmup { fill: #afb8c1; fill-opacity: 0.35; }
.whisker { stroke-width: 1.25; } .median { stroke-width: 2.5; }
.box { stroke-width: 1.5; } .side.baseline .box { fill: var(--baseline-fill); stroke: var(--baseline); } .side.candidate .box { fill: var(--candidate-fill); stroke: var(--candidate); }
.bar { fill-opacity: 0.55; } .side.baseline .bar { fill: var(--baseline); } .side.candidate .bar { fill: var(--candidate); }
.no-chart { margin: 8px 0; font-style: italic; }
@media (max-width: 720px) {
  main { padding: 10px; } header, section { padding: 12px; }
  .charts { grid-template-columns: minmax(0, 1fr); }
  h1 { font-size: 19px; }
  .series-table thead { display: none; }
  .series-table, .series-table tbody, .series-table tr, .series-table td { display: block; width: 100%; }
  .series-table tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  .series-table td, .series-table td.num, .series-table td.reason, .series-table td:first-child { border: 0; padding: 1px 0; text-align: left; white-space: normal; min-width: 0; }
  .series-table td::before { content: attr(data-label) ": "; color: var(--muted); }
}
`;

export const HTML_STYLE = PAGE_STYLE + CHART_STYLE;
