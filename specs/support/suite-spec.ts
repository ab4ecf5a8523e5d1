// The contract, loaded once per process: spec files need its operations to declare one test per
// operation when Playwright collects them, and the worker fixture uses the same object (and
// compiles every validator of it up front).

import { loadSpec, type Spec } from '../../core/spec/load-spec.js';
import { readRunSettings } from './run-settings.js';

let loaded: { file: string; spec: Spec } | undefined;

export function suiteSpec(file = readRunSettings().specPath): Spec {
  if (loaded?.file !== file) loaded = { file, spec: loadSpec(file) };
  return loaded.spec;
}
