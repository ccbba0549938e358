/**
 * Jest globalSetup of the integration project: starts the fixture Prometheus (and VictoriaMetrics,
 * serving the same data) once for all workers.
 *
 * Jest loads this file with Node's own ESM loader, which neither maps `./x.js` to `./x.ts` nor
 * compiles TypeScript, so the harness modules are transpiled into a temporary folder first and
 * imported from there. They import only `node:` modules, so nothing else needs to resolve.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

interface HarnessModules {
  start: typeof import('./start-harness.js');
  state: typeof import('./harness-state.js');
  vm: typeof import('./start-victoria-metrics-harness.js');
}

function transpileHarness(): { dir: string; load(): Promise<HarnessModules> } {
  const source = dirname(fileURLToPath(import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-harness-'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const compilerOptions = { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 };
  for (const file of readdirSync(source).filter((f) => f.endsWith('.ts') && !f.startsWith('global-'))) {
    const output = ts.transpileModule(readFileSync(join(source, file), 'utf8'), { compilerOptions });
    writeFileSync(join(dir, file.replace(/\.ts$/, '.js')), output.outputText);
  }
  const load = async (): Promise<HarnessModules> => ({
    start: (await import(pathToFileURL(join(dir, 'start-harness.js')).href)) as HarnessModules['start'],
    state: (await import(pathToFileURL(join(dir, 'harness-state.js')).href)) as HarnessModules['state'],
    vm: (await import(pathToFileURL(join(dir, 'start-victoria-metrics-harness.js')).href)) as HarnessModules['vm'],
  });
  return { dir, load };
}

/** Starts Prometheus, exports PROMETHEUS_URL to the workers and leaves a stop hook for teardown. */
export default async function globalSetup(): Promise<void> {
  const began = Date.now();
  const compiled = transpileHarness();
  try {
    const { start, state, vm } = await compiled.load();
    // Both backends at once; if one fails, the other is stopped before the error surfaces.
    const [prom, victoria] = await Promise.allSettled([start.startHarness(), vm.startVictoriaMetricsHarness()]);
    if (prom.status === 'rejected' || victoria.status === 'rejected') {
      if (prom.status === 'fulfilled') await prom.value.stop();
      if (victoria.status === 'fulfilled') await victoria.value.stop();
      throw prom.status === 'rejected' ? prom.reason : (victoria as PromiseRejectedResult).reason;
    }
    const harness = prom.value;
    const vmHarness = victoria.value;
    // The hook first: teardown runs even if setup fails later, and must stop what was started.
    (globalThis as Record<string, unknown>).__verifyDeployHarness = async (): Promise<void> => {
      await Promise.all([harness.stop(), vmHarness.stop()]);
      state.removeHarnessState();
    };
    state.saveHarnessState({
      url: harness.prometheus.url,
      pid: harness.prometheus.pid,
      workDir: harness.workDir,
      victoriaMetricsUrl: vmHarness.victoriaMetrics.url,
    });
    process.stderr.write(
      `\n[integration] prometheus ${harness.prometheus.url} (pid ${harness.prometheus.pid}) ready in ${Date.now() - began} ms\n`,
    );
    process.stderr.write(
      `[integration] victoria-metrics ${vmHarness.victoriaMetrics.url} (pid ${vmHarness.victoriaMetrics.pid}) ready\n`,
    );
  } finally {
    rmSync(compiled.dir, { recursive: true, force: true });
  }
}
