/** English strings for moving the unit key to another device. */
import type { Widen } from '../locale-types';
import type { keyTransferUi as source } from '../id/key-transfer';

export const keyTransferUi: Widen<typeof source> = {
  keyTransferUi: {
    sectionTitle: 'Move the unit key',
    sectionHint:
      'A new device of this unit receives the unit key from this device, not from the central server. Show a code here, then type it on the new device once its officer has signed in. The code works once and for {{minutes}} minutes; the central server only passes the key on encrypted.',
    noKey:
      'This device does not hold the unit key, so it cannot give it. Move the key from another device that holds it.',
    managersOnly: 'Only managers can move the unit key.',
    show: 'Show a transfer code',
    making: 'Making the code…',
    codeLabel: 'Key transfer code',
    codeHint:
      'Read or show this code in person to the officer at the new device. Do not send it by message or e-mail.',
    expiresAt: 'Valid until {{time}}',
    remaining: 'Time left: {{minutes}} min {{seconds}} s',
    expired: 'The code expired and was deleted. Show a new code if it is still needed.',
    cancel: 'Cancel the code',
    cancelled: 'The key transfer code was cancelled.',
    failed: 'The code could not be made: {{reason}}',
    notAllowed: 'Only a manager on a device holding the unit key can make a code.',
    sealedTitle: 'Identity sealed',
    sealedHint:
      'This device does not hold the unit key yet: complainants’ names, NIK and phone numbers are sealed. Ask a manager to open Settings → Move the unit key on their device, then enter the key transfer code here.',
    receiveLabel: 'Key transfer code',
    receiveHint: 'It looks like UNIT-XXXXX-XXXXX-XXXXX. Case, spaces and dashes do not matter.',
    receive: 'Receive the key',
    waiting: 'Waiting for the key from the manager’s device through sync… ({{sync}})',
    checking: 'Checking the code…',
    stop: 'Stop waiting',
    received:
      'The unit key is installed on this device. Complainants’ identities can now be read and recorded.',
    receiveFailed: 'The key could not be received: {{reason}}',
  },
};
