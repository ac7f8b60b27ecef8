/**
 * Numbers people search by, whatever way they are written (docs/decisions/012-search-index.md):
 * phones (+62 / 62 / 0 prefixes, spaces, dashes, dots, brackets), NIKs, tracking numbers (any
 * case, with or without dashes) and LAPOR! numbers.
 *
 * Fragment search with a prefix index: every fragment of a string is a prefix of one of its
 * suffixes, so indexing the suffixes of a canonical string (down to the shortest fragment that may
 * be searched) and looking a typed fragment up as a prefix finds it anywhere inside.
 */

/** The shortest phone fragment searched: 4 digits. */
export const PHONE_FRAGMENT_MIN = 4;
/** The shortest NIK fragment searched: 6 digits. */
export const NIK_FRAGMENT_MIN = 6;
/** The shortest tracking or LAPOR! number fragment searched: 3 letters or digits. */
export const REFERENCE_FRAGMENT_MIN = 3;

/**
 * A phone number as one digit string in the national form: `+62 812-3456-7890`,
 * `6281234567890` and `0812 3456 7890` all give `081234567890`; a number without either prefix
 * (`812…`, or a fragment) keeps its digits. '' when there are no digits.
 */
export function canonicalPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.startsWith('62') && digits.length >= 10) return `0${digits.slice(2)}`;
  return digits;
}

/** Every suffix of `text` at least `min` characters long (the whole text first). */
export function suffixes(text: string, min: number): string[] {
  const found: string[] = [];
  for (let start = 0; text.length - start >= min; start += 1) found.push(text.slice(start));
  return found;
}

/** The terms a stored phone is indexed under: the suffixes (4+ digits) of its national form. */
export function phoneTerms(phone: string): string[] {
  return suffixes(canonicalPhone(phone), PHONE_FRAGMENT_MIN);
}

/** The terms a stored NIK is indexed under: the suffixes (6+ digits) of its digits. */
export function nikTerms(nik: string): string[] {
  return suffixes(nik.replace(/\D/g, ''), NIK_FRAGMENT_MIN);
}

/** A tracking or LAPOR! number folded: letters and digits only, lower case (`KTB-260302-A2C-0001` → `ktb260302a2c0001`). */
export function foldReference(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

/** The terms a tracking or LAPOR! number is indexed under: the suffixes (3+ characters) of its folded form. */
export function referenceTerms(reference: string): string[] {
  return suffixes(foldReference(reference), REFERENCE_FRAGMENT_MIN);
}

/**
 * The digit runs of a query, each as one string: digits separated only by spaces, dashes, dots or
 * brackets belong together ("0812-3456 78" is `0812345678`), a `+` before them is dropped.
 */
export function digitRuns(text: string): string[] {
  return [...text.matchAll(/\d(?:[\s\-.()]*\d)*/g)].map((match) => match[0].replace(/\D/g, ''));
}

/**
 * What a typed digit run looks for in the phones (prefix lookups on their suffixes): the run itself,
 * and its national form when typed with the country code (`62812…` also as `0812…`). None below
 * 4 digits.
 */
export function phoneQueries(run: string): string[] {
  if (run.length < PHONE_FRAGMENT_MIN) return [];
  const national = run.startsWith('62') && run.length > 2 + 2 ? `0${run.slice(2)}` : run;
  return national === run ? [run] : [run, national];
}

/** What a typed digit run looks for in the NIKs: itself, from 6 digits. */
export function nikQueries(run: string): string[] {
  return run.length >= NIK_FRAGMENT_MIN ? [run] : [];
}
