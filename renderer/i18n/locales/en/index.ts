/** English UI strings, one file per screen area like `id/`, each typed against its Indonesian file. */
import type { Locale } from '../id';
import { accessLog } from './access-log';
import { auth } from './auth';
import { backup } from './backup';
import { common } from './common';
import { dashboard } from './dashboard';
import { detail } from './detail';
import { intake } from './intake';
import { keyRecoveryUi } from './key-recovery';
import { keyTransferUi } from './key-transfer';
import { list } from './list';
import { packet } from './packet';
import { settings } from './settings';
import { setup } from './setup';
import { sync } from './sync';
import { vocabulary } from './vocabulary';

export const en: Locale = {
  ...common,
  ...vocabulary,
  ...setup,
  ...intake,
  ...list,
  ...dashboard,
  ...detail,
  ...settings,
  ...sync,
  ...packet,
  ...auth,
  ...accessLog,
  ...backup,
  ...keyTransferUi,
  ...keyRecoveryUi,
};
