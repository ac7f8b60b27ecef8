/**
 * CSV injection: a spreadsheet (Excel, LibreOffice Calc, Google Sheets) opening a CSV file runs a
 * cell that starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`,
 * `@SUM(...)`), also after leading spaces, and some read a cell that starts with a tab, CR or LF
 * the same way once they trim it. Complaint text is typed by anyone (a complainant's title, a
 * location, a name), so every text cell of every CSV the app writes goes through `spreadsheetText`:
 * such a cell gets a leading apostrophe, which spreadsheets show as text and do not run.
 *
 * Only text is guarded. Numbers the app itself writes as numbers (a satisfaction rating, a count)
 * are numbers, not cells of someone's text: a CSV writer passes them as `number`, and `-3` stays
 * `-3`. A number that arrives as text (typed by a person) is text, and `-3` typed into a title is
 * written `'-3`.
 */

/** A cell a spreadsheet could run: a formula sign after optional white space, or a leading tab/CR/LF. */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@])/;

/** Whether a spreadsheet could take `text`, written as a cell, for a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `text` as a CSV cell's content: with a leading `'` when a spreadsheet could run it. */
export function spreadsheetText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
