/**
 * `central update-validation`: rewrites `_design/meja-aduan` and `_design/meja-aduan-stages` (the
 * views a new device's first download asks) in unit databases that are already set up (all of
 * them, or the codes given), each only where the stored one differs, without touching users,
 * passwords or security. Run it when an app release changes the document schemas or the views
 * (docs/central.md, "Changing the schemas").
 */
import { UNIT_DESIGN_DOC_ID, unitDatabaseName } from '../shared/couch/couch-names';
import { STAGES_DESIGN_DOC_ID } from '../shared/couch/stages-design-doc';
import { CentralError } from './central-error';
import type { CouchHttp } from './couch-http';
import { findUnitCodes } from './national-setup';
import { checkUnitCode, ensureUnitDesignDoc, ensureUnitStagesDoc, type StepResult } from './unit-setup';

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
    steps.push({
      what: unitCode,
      name: `${database}/${STAGES_DESIGN_DOC_ID}`,
      outcome: await ensureUnitStagesDoc(http, unitCode),
    });
  }
  return steps;
}
