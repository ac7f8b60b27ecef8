/**
 * Messages about an officer's PIN or passphrase (../auth/secret-rules), merged into
 * VALIDATION_MESSAGES as `validation.officerSecret.<problem>`; Indonesian first.
 */
export const SECRET_MESSAGES = {
  'validation.officerSecret.required': {
    id: 'PIN wajib diisi.',
    en: 'Please enter a PIN.',
  },
  'validation.officerSecret.pin-too-short': {
    id: 'PIN minimal 6 angka.',
    en: 'A PIN has at least 6 digits.',
  },
  'validation.officerSecret.pin-too-long': {
    id: 'PIN maksimal 12 angka.',
    en: 'A PIN has at most 12 digits.',
  },
  'validation.officerSecret.pin-too-simple': {
    id: 'PIN terlalu mudah ditebak (angka sama semua atau berurutan, misalnya 111111 atau 123456). Pilih PIN lain.',
    en: 'This PIN is too easy to guess (one digit repeated or a run such as 111111 or 123456). Choose another.',
  },
  'validation.officerSecret.passphrase-not-allowed': {
    id: 'Petugas memakai PIN berupa angka saja (minimal 6 angka). Frasa sandi hanya untuk supervisor dan manajer.',
    en: 'Officers use a PIN of digits only (at least 6). Passphrases are for supervisors and managers.',
  },
  'validation.officerSecret.passphrase-too-short': {
    id: 'Frasa sandi minimal 12 karakter.',
    en: 'A passphrase has at least 12 characters.',
  },
  'validation.officerSecret.passphrase-too-long': {
    id: 'Frasa sandi maksimal 128 karakter.',
    en: 'A passphrase has at most 128 characters.',
  },
  'validation.officerSecret.mismatch': {
    id: 'Ulangan PIN tidak sama. Ketik PIN yang sama dua kali.',
    en: 'The two entries differ. Type the same PIN twice.',
  },
} as const;
