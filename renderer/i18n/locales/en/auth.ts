/** English strings for signing in, the first PIN, locking and the roster's PINs. */
import type { Widen } from '../locale-types';
import type { auth as source } from '../id/auth';

export const auth: Widen<typeof source> = {
  auth: {
    signInTitle: 'Sign in',
    chooseOfficer: 'Choose your name, then type your PIN.',
    noOfficers: 'This unit has no officers yet.',
    secret: 'PIN or passphrase',
    secretHint:
      'A PIN has at least 6 digits. Supervisors and managers may use a passphrase (at least 12 characters).',
    signIn: 'Sign in',
    signingIn: 'Checking…',
    wrongSecret_one: 'Wrong PIN. {{count}} try left before the lock.',
    wrongSecret_other: 'Wrong PIN. {{count}} tries left before the lock.',
    locked:
      '{{name}} is locked on this device after 5 wrong PINs. Try again in {{minutes}} minutes, or ask a supervisor or manager to unlock.',
    noSecret: '{{name}} has no PIN yet. Ask a manager to set a first PIN under Settings → Officers.',
    unitKeyMissing:
      "The unit key is not unlocked on this device: complainants' identity is sealed and cannot be recorded. Ask an officer who has signed in on this device before to sign in first, or enter a key transfer code from a manager's device.",
    unknown: 'This officer is no longer active. Choose another name.',
    lockedSession: 'The desk is locked. Type your PIN to open it again, or choose another officer.',
    lockTitle: 'The desk is locked',
    lockedFor: '{{name}} ({{role}}) is still at this desk. Type {{name}}’s PIN or passphrase to open it.',
    lockSwitchHint: 'Someone else at the desk? Choose "Switch officer": {{name}} leaves this desk.',
    otherOfficer: 'Another officer',
    unlockTitle: 'Unlock by a supervisor or manager',
    unlocker: 'Supervisor or manager',
    unlockerSecret: "The supervisor's or manager's PIN or passphrase",
    unlock: 'Unlock',
    unlocked: '{{name}} is unlocked. {{name}} can sign in again.',
    unlockProblem: {
      'not-allowed': 'Only an active supervisor or manager can unlock.',
      self: 'A locked officer cannot unlock themselves.',
      'not-locked': 'This officer is not locked.',
      'wrong-secret': "Wrong supervisor's or manager's PIN.",
      locked: 'This supervisor or manager is locked on this device too.',
      'no-secret': 'This supervisor or manager has no PIN yet.',
      unknown: 'Unknown officer.',
    },
    firstManagerTitle: "Set the manager's PIN",
    firstManagerIntro:
      "From this version on every officer signs in with a PIN. No manager has a PIN yet: the unit's manager sets theirs now, then sets the other officers' first PINs under Settings → Officers.",
    newSecret: 'New PIN',
    newSecretConfirm: 'New PIN again',
    saveSecret: 'Save the PIN and sign in',
    changeTitle: 'Change your PIN',
    changeIntro: 'Your PIN was set by a manager. Choose a new PIN only you know before you start.',
    changeSave: 'Save the new PIN',
    changed: 'New PIN saved.',
    sameSecret: 'The new PIN must differ from the one the manager gave you.',
    signOut: 'Sign out',
    lockNow: 'Lock the desk',
    notAllowed: 'This is not allowed.',
  },
};
