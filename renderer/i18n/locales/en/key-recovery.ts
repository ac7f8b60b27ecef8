/** English strings for the unit key's recovery passphrase. */
import type { Widen } from '../locale-types';
import type { keyRecoveryUi as source } from '../id/key-recovery';

export const keyRecoveryUi: Widen<typeof source> = {
  keyRecoveryUi: {
    sectionTitle: 'Unit key',
    recoveryTitle: 'Recovery passphrase',
    recoveryHint:
      'If every device holding the unit key is lost, a new device of this unit can recover the key with this passphrase. The central server keeps a copy of the key encrypted under it and cannot open it. Write the passphrase on paper and keep it in the office safe; never store it on a computer or send it in a message.',
    rule: 'At least 16 characters, or 4 words of at least 3 letters each. Upper and lower case differ; extra spaces are ignored.',
    notSet:
      "No recovery passphrase yet. Without one, complainants' identities are lost for good if every device holding the unit key is lost.",
    setAt: 'Recovery passphrase set {{time}} from device {{device}} (key versions {{versions}}).',
    passphraseLabel: 'New recovery passphrase',
    confirmLabel: 'Type the recovery passphrase again',
    save: 'Save recovery passphrase',
    replace: 'Replace recovery passphrase',
    saving: 'Encrypting the unit key…',
    saved:
      'Recovery passphrase saved. The encrypted copy of the key goes to the central server with the next sync.',
    noKey: 'This device does not hold the unit key, so it cannot set a recovery passphrase.',
    tooShort: 'The passphrase is too short: at least 16 characters, or 4 words of at least 3 letters each.',
    tooSimple: 'The passphrase is too easy to guess: use more different letters.',
    tooLong: 'The passphrase is too long: at most 1,024 characters.',
    mismatch: 'The two passphrases differ. Type them again carefully.',
    notAllowed: 'Only a manager on a device holding the unit key can set the recovery passphrase.',
    failed: 'The recovery passphrase was not saved: {{reason}}',
    reminder: 'No recovery passphrase yet',
    recoverTitle: 'Recover the unit key with the recovery passphrase',
    recoverHint:
      "Only when no device holding the unit key is left. Type the recovery passphrase the unit's manager set.",
    recoverLabel: 'Recovery passphrase',
    recover: 'Recover key',
    recovering: 'Opening the key copy…',
    recovered:
      "The unit key is recovered on this device. Complainants' identities can now be read and recorded.",
    empty: 'Type the recovery passphrase.',
    wrong: 'Wrong recovery passphrase.',
    wrongWait: 'Wrong recovery passphrase. The next try is possible after {{until}}.',
    wait: 'Too many wrong passphrases. Try again after {{until}}.',
    notFound:
      'This device has not received a recovery copy of the key. Make sure sync has finished. If the unit never set a recovery passphrase, the key can only be moved from a device that holds it.',
    notSynced:
      "The unit key's records are not complete on this device yet. Wait for sync to finish, then try again.",
    mismatchKey:
      "This copy is not this unit's key; nothing was installed. Contact the central server's operator.",
    recoverFailed: 'The key could not be recovered: {{reason}}',
    rotateTitle: 'Replace the unit key',
    currentVersion: 'Unit key version on this device: {{version}}.',
    rotateHint:
      "Makes a new key version. The unit's devices holding the key now receive it by sync, without a transfer code; complainants' identities move to the new key in the background. If a device was lost or stolen: revoke that device's account at the central server first, then replace the key.",
    rotate: 'Replace the unit key…',
    rotateConfirm: 'Make a new version of the unit key now? Other devices receive it with their next sync.',
    rotateYes: 'Yes, replace the unit key',
    rotateNo: 'Cancel',
    rotating: 'Making the new key…',
    rotated:
      "Unit key version {{version}} made. Complainants' identities move to the new key in the background.",
    rotateExists:
      'Another device already made a newer key version. Wait for sync; this device will receive that key.',
    rotateUnreachable:
      'The central server cannot be reached. A new key is made only while the central server is reachable, so that there are never two new keys.',
    rotateNotAllowed: 'Only managers can replace the unit key.',
    rotateFailed: 'The unit key was not replaced: {{reason}}',
    rewrapProgress: 'Moving identities to key version {{version}}: {{done}} of {{total}}',
  },
};
