/**
 * Example cases for a packet: up to five, anonymised automatically (no identity; places and names
 * in the text flagged for the manager to review before export; docs/packet.md).
 *
 * `exampleCaseFrom` writes a case from a complaint's reduced state only: its title, chronology and
 * handling facts. Reporter documents are never read, so the complainant's recorded identity
 * cannot enter; what an officer typed into the free text can, so e-mail addresses and long digit
 * runs (NIK, phone numbers) are masked outright, and `identityHints` flags what a person must look
 * at: capitalised words (names), digit runs (house numbers, dates, plates) and place-like words
 * (Jl., RT/RW, Desa, Kecamatan … with the words that follow, and the complaint's own location).
 * The flagging over-reports on purpose: a false flag costs a glance, a missed name a leak.
 * Pure functions; the packet's text is Indonesian (./packet-labels).
 */
import { EXAMPLE_CASE_TEXT_MAX, EXAMPLE_CASE_TITLE_MAX, type ExampleCase } from './packet-types';
import { DEFAULT_CATEGORIES, statusWord } from '../complaint/vocabulary';
import { CHANNEL_LABELS, STATUS_WORD_LABELS, categoryLabel, formatLongDate } from './packet-labels';
import { localDateOf } from '../time/local-date';
import type { ComplaintState } from '../workflow/complaint-state-types';

export type HintKind = 'name' | 'number' | 'place';
export type IdentityHint = Readonly<{ start: number; end: number; kind: HintKind; text: string }>;

export const MASKED_EMAIL = '[email disamarkan]';
export const MASKED_NUMBER = '[nomor disamarkan]';

/** An e-mail address. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Eight or more digits, possibly grouped by spaces, dots or dashes, optionally after +: NIK, phones. */
const LONG_NUMBER = /\+?\d(?:[\s.-]?\d){7,}/g;

/** `text` with e-mail addresses and long digit runs replaced by a mask. */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, MASKED_EMAIL).replace(LONG_NUMBER, MASKED_NUMBER);
}

/**
 * Words that start Indonesian sentences in complaint texts and are not names: a capitalised word
 * at a sentence start is flagged unless it is one of these. (Mid-sentence, every capitalised word
 * is flagged.)
 */
const COMMON_SENTENCE_STARTS = new Set(
  (
    'saya kami kita ia dia mereka beliau sudah telah belum tidak sejak pada di ke dari dan ' +
    'yang ini itu setelah sebelum karena namun tetapi lalu kemudian akhirnya hingga sampai ' +
    'selama saat ketika mohon harap petugas pelapor warga masyarakat pengaduan laporan hal ' +
    'ada sering setiap banyak beberapa semua hasil penanganan kronologi status kategori ' +
    'diterima antrean lampu air listrik sampah pelayanan layanan biaya waktu sekarang kini ' +
    'masalah keluhan tanggapan tindak sudah bahkan juga pukul minggu bulan tahun hari kemarin ' +
    'tadi pagi siang sore malam the'
  ).split(' '),
);

/** Words that introduce a place; they and the capitalised words after them are one hint. */
const PLACE_WORDS = new Set(
  (
    'jl jln jalan gg gang rt rw desa kelurahan kel kecamatan kec kabupaten kab kota dusun dsn ' +
    'kampung kp blok perumahan perum komplek kompleks no nomor lingkungan banjar nagari ' +
    'gampong kompl apartemen rusun pasar simpang'
  ).split(' '),
);

const MONTHS = 'januari februari maret april mei juni juli agustus september oktober november desember'.split(
  ' ',
);

/**
 * Capitalised words that are never a person or a place by themselves: month names and the words of
 * the packet's own labels (channels, statuses, default categories), which the handling line uses.
 */
const KNOWN_WORDS = new Set(
  [
    ...MONTHS,
    ...Object.values(CHANNEL_LABELS),
    ...Object.values(STATUS_WORD_LABELS),
    ...DEFAULT_CATEGORIES.map((category) => category.label.id),
  ]
    .flatMap((label) => label.toLowerCase().split(/[^\p{L}]+/u))
    .filter((word) => word.length >= 3 && !PLACE_WORDS.has(word)),
);

const WORD = /\p{L}[\p{L}\p{M}'’-]*|\d+(?:[./:-]\d+)*/gu;

type Token = Readonly<{ start: number; end: number; text: string }>;

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const isNumber = (word: string): boolean => /^\d/.test(word);

/** True when `index` starts a sentence: only spaces (and opening quotes) since the text's start or . ! ? or a line break. */
function startsSentence(text: string, index: number): boolean {
  for (let at = index - 1; at >= 0; at -= 1) {
    const char = text.charAt(at);
    if (char === '\n' || char === '.' || char === '!' || char === '?' || char === ':') return true;
    if (!/[\s"'“‘(]/.test(char)) return false;
  }
  return true;
}

/** Place words of the complaint's own location field (3+ letters), lowercased. */
function locationWords(location: string): Set<string> {
  return new Set(
    tokens(location)
      .map((token) => token.text.toLowerCase())
      .filter((word) => word.length >= 3 && !PLACE_WORDS.has(word)),
  );
}

/**
 * What a person must review in `text` before it leaves the unit, in text order, not overlapping.
 * `location` (the complaint's location field) adds its words as places.
 */
export function identityHints(text: string, location = ''): IdentityHint[] {
  const list = tokens(text);
  const places = locationWords(location);
  const hints: IdentityHint[] = [];
  const hint = (start: number, end: number, kind: HintKind): void =>
    void hints.push({ start, end, kind, text: text.slice(start, end) });
  for (let index = 0; index < list.length; index += 1) {
    const token = list[index] as Token;
    const lower = token.text.toLowerCase();
    if (PLACE_WORDS.has(lower) && !KNOWN_WORDS.has(lower)) {
      // The place word, a following dot, and the capitalised words or numbers after it.
      let end = token.end;
      let next = index + 1;
      while (next < list.length) {
        const following = list[next] as Token;
        const gap = text.slice(end, following.start);
        if (!/^[.\s]{1,3}$/.test(gap) || gap.includes('\n')) break;
        if (!isCapitalised(following.text) && !isNumber(following.text)) break;
        end = following.end;
        next += 1;
      }
      if (end > token.end || isCapitalised(token.text)) {
        hint(token.start, end, 'place');
        index = next - 1;
        continue;
      }
    }
    if (places.has(lower)) hint(token.start, token.end, 'place');
    else if (isNumber(token.text)) {
      // A date written out ("5 Maret 2026") is not identity; any other run of 2+ digits may be.
      const month = (at: number): boolean => MONTHS.includes(list[at]?.text.toLowerCase() ?? '');
      const inDate =
        (/^\d{1,2}$/.test(token.text) && month(index + 1)) ||
        (/^\d{4}$/.test(token.text) && month(index - 1));
      if (!inDate && token.text.replace(/\D/g, '').length >= 2) hint(token.start, token.end, 'number');
    } else if (KNOWN_WORDS.has(lower)) {
      continue;
    } else if (isCapitalised(token.text)) {
      const common = startsSentence(text, token.start) && COMMON_SENTENCE_STARTS.has(lower);
      if (!common && !token.text.startsWith('[')) hint(token.start, token.end, 'name');
    }
  }
  return hints;
}

/** `text` cut into plain and hinted pieces, for display. */
export function hintSegments(
  text: string,
  hints: readonly IdentityHint[],
): Array<Readonly<{ text: string; kind: HintKind | null }>> {
  const segments: Array<{ text: string; kind: HintKind | null }> = [];
  let at = 0;
  for (const found of hints) {
    if (found.start > at) segments.push({ text: text.slice(at, found.start), kind: null });
    segments.push({ text: text.slice(found.start, found.end), kind: found.kind });
    at = found.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null });
  return segments;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A first, automatically anonymised version of a case from a complaint's state: its title and
 * chronology (corrections applied, contacts masked) and how it was handled. No identity field is
 * an input; `state` must not be confidential (the caller offers only named and anonymous ones).
 */
export function exampleCaseFrom(state: ComplaintState, timeZone: string): ExampleCase {
  const { current } = state;
  const received = formatLongDate(localDateOf(new Date(state.receivedAt), timeZone));
  const handling = [
    `Diterima ${received} melalui ${CHANNEL_LABELS[current.channel]}`,
    `kategori ${categoryLabel(current.category)}`,
    `status ${STATUS_WORD_LABELS[statusWord(state.status, state.currentOffice)]}`,
  ].join('; ');
  const parts = [
    maskContacts(current.chronology.trim()),
    `Penanganan: ${handling}.`,
    ...(state.outcome ? [`Hasil: ${maskContacts(state.outcome.trim())}`] : []),
  ];
  const title = clip(maskContacts(current.title.trim()), EXAMPLE_CASE_TITLE_MAX);
  return {
    title: title === '' ? 'Contoh kasus' : title,
    text: clip(parts.join('\n\n'), EXAMPLE_CASE_TEXT_MAX),
  };
}
