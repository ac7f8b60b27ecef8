/**
 * `central update-validation`: rewrites `_design/meja-aduan` in unit databases that are already
 * set up (all of them, or the codes given), without touching users, passwords or security. Run it
 * when an app release changes the document schemas (docs/central.md, "Changing the schemas").
 */
import { UNIT_DESIGN_DOC_ID, unitDatabaseName } from '../shared/couch/couch-names';
import { CentralError } from './central-error';
import type { CouchHttp } from './couch-http';
import { findUnitCodes } from './national-setup';
import { checkUnitCode, ensureUnitDesignDoc, type StepResult } from './unit-setup';

export async function updateValidation(
  http: CouchHttp,
  options: Readonly<{ units?: readonly string[] }> = {},
): Promise<StepResult[]> {
  const units = options.units
    ? [...new Set(options.units.map(checkUnitCode))].sort()
    : await findUnitCodes(http);
  if (units.length === 0) throw new CentralError('No unit databases found: nothing to update.');
  const steps: StepResult[] = [];
  for (const unitCode of units) {
    const database = unitDatabaseName(unitCode);
    if ((await http.get(encodeURIComponent(database))).status === 404) {
      throw new CentralError(
        `Unit ${unitCode} is not set up (no database ${database}): run central setup for it.`,
      );
    }
    steps.push({
      what: unitCode,
      name: `${database}/${UNIT_DESIGN_DOC_ID}`,
      outcome: await ensureUnitDesignDoc(http, unitCode),
    });
  }
  return steps;
}
