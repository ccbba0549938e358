/** `npm run bench`: start time, judge time and run time, each measured side by side in one run. */
import { fileURLToPath } from 'node:url';
import { benchJudge, renderJudge } from './judge-time.js';
import { benchRunVsQueries, renderRunVsQueries } from './run-vs-queries.js';
import { benchStartup, renderStartup } from './startup.js';

const bin = fileURLToPath(new URL('../../bin/verify-deploy.js', import.meta.url));

const startup = benchStartup(bin);
const judge = await benchJudge();
const run = await benchRunVsQueries(bin);
process.stdout.write(
  [
    `node ${process.version}, ${new Date().toISOString()}`,
    '',
    '| measure | result | ratio | target |',
    '| --- | --- | --- | --- |',
    renderStartup(startup),
    renderJudge(judge),
    renderRunVsQueries(run),
    '',
  ].join('\n'),
);
