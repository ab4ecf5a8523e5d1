// The one validator configuration of the suite: JSON Schema 2020-12 as written, nothing fixed
// up on the way (no coercion, no defaults), every error reported, OpenAPI keywords tolerated.

import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its plugin function is the `default` of the module.
const addFormats = ajvFormats.default;

export type { Ajv2020 };

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    validateFormats: true,
  });
  addFormats(ajv);
  return ajv;
}

/** Whether `ajv` checks values of this format (after `createAjv`, the ajv-formats set). */
export function isCheckedFormat(ajv: Ajv2020, name: string): boolean {
  return Object.hasOwn(ajv.formats, name) && ajv.formats[name] !== true;
}
