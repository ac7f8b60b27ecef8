/**
 * The Electron host's side of `sealKeyWrap` / `openKeyWrap` (shared/platform/platform-contract):
 * the device's wrapped copies of the unit key encrypted once more with the OS keychain through
 * safeStorage (DPAPI, Keychain, libsecret/kwallet), so a copied disk holds only what the keychain of
 * that OS user opens. Where the OS offers no keychain the text is kept as it is and the result says
 * `plain-file` (as ./secret-store does for the sync secret).
 */
import type { OpenKeyWrapResult, SealKeyWrapResult } from '../shared/platform/platform-contract';
import type { Encryptor } from './secret-store';

const ENCRYPTED = 'enc:';
const PLAIN = 'plain:';

function protectionOf(encryptor: Encryptor): SealKeyWrapResult['protection'] {
  if (!encryptor.isEncryptionAvailable()) return 'plain-file';
  return encryptor.getSelectedStorageBackend?.() === 'basic_text' ? 'plain-file' : 'os-keychain';
}

export function sealKeyWrap(encryptor: Encryptor, text: string): SealKeyWrapResult {
  const protection = protectionOf(encryptor);
  const sealed = encryptor.isEncryptionAvailable()
    ? `${ENCRYPTED}${encryptor.encryptString(text).toString('base64')}`
    : `${PLAIN}${text}`;
  return { sealed, protection };
}

export function openKeyWrap(encryptor: Encryptor, sealed: string): OpenKeyWrapResult {
  const protection = protectionOf(encryptor);
  if (sealed.startsWith(PLAIN)) return { text: sealed.slice(PLAIN.length), protection };
  if (!sealed.startsWith(ENCRYPTED)) return { text: null, protection };
  try {
    return {
      text: encryptor.decryptString(Buffer.from(sealed.slice(ENCRYPTED.length), 'base64')),
      protection,
    };
  } catch {
    // Sealed by another OS user or under a keychain since changed: not readable here, never a crash.
    return { text: null, protection };
  }
}
