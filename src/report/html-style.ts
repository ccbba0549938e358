/** The HTML report's inline stylesheet: no external fonts or assets, readable on screen and on paper. */
export const HTML_STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --inconclusive: #9a6700; --warn: #bc4c00; --muted: #57606a; --line: #d0d7de; }
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
table { border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 0; } dt { color: var(--muted); } dd { margin: 0; }
details { margin-top: 8px; } summary { cursor: pointer; color: var(--muted); }
ul { margin: 6px 0; padding-left: 20px; }
`;
