/**
 * Indonesian UI strings, the default language and the source of truth: one file per screen area
 * (see renderer/i18n/i18n.ts for how they become i18next resources). `en/` mirrors these files.
 */
import type { Widen } from '../locale-types';
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

export const id = {
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
} as const;

/** The shape every locale must have: the same keys, any strings. */
export type Locale = Widen<typeof id>;
