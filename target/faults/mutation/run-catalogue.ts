// The whole mutation run: the clean target with the whole gate, then every fault, `parallel`
// runs at a time. A budgeted fault run (scoped, or stopped after a few failures) that did not
// detect its fault is run once more with the whole gate, so a miss is never an artefact of the
// budget: only a detection is taken from the quick pass.
import type { Fault } from '../catalogue.js';
import { runOne, type RunRecord, type RunSettings } from './run-one.js';
import { runPool } from './run-pool.js';

export interface CatalogueRun {
  clean: RunRecord;
  faults: RunRecord[];
}

function budgeted(settings: RunSettings): boolean {
  return settings.scope === 'primary' || settings.maxFailures !== undefined;
}

export async function runCatalogue(
  faults: readonly Fault[],
  settings: RunSettings,
  parallel: number,
  onRun: (run: RunRecord) => void = () => {},
): Promise<CatalogueRun> {
  // The clean target and the reruns get the whole gate as it is configured: no budget at all.
  const whole: RunSettings = { ...settings, scope: 'all' };
  delete whole.maxFailures;
  delete whole.workers;
  const jobs = [
    async () => {
      const clean = await runOne(undefined, whole);
      onRun(clean);
      return clean;
    },
    ...faults.map((fault) => async () => {
      let run = await runOne(fault, settings);
      if (run.verdict !== 'detected' && budgeted(settings)) {
        const quick = run;
        run = { ...(await runOne(fault, { ...whole, attempt: 'confirm' })), quickPass: { verdict: quick.verdict, fired: quick.fired, durationMs: quick.durationMs } };
      }
      onRun(run);
      return run;
    }),
  ];
  const [clean, ...runs] = await runPool(jobs, parallel);
  return { clean: clean!, faults: runs };
}
