/**
 * Default national holidays (hari libur nasional) and collective leave days (cuti bersama) for
 * the working-day calendar (docs/domain.md, 'Working days and holidays'). Units edit
 * these per year in their settings; this list only seeds a new unit's settings.
 *
 * The yearly source is the joint decree of the Minister of Religious Affairs, the Minister of
 * Manpower and the Minister of Administrative and Bureaucratic Reform (SKB 3 Menteri) on national
 * holidays and collective leave. A date marked `confirmed: false` was not confirmed from a source.
 */

export const HOLIDAY_KINDS = ['national-holiday', 'collective-leave'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export type Holiday = Readonly<{
  /** `YYYY-MM-DD`, the unit-local calendar day. */
  date: string;
  name: Readonly<{ id: string; en: string }>;
  kind: HolidayKind;
  /** `false` when the date is an estimate not confirmed from a published source. */
  confirmed?: boolean;
}>;

type Entry = readonly [date: string, id: string, en: string];

const holidays = (kind: HolidayKind, entries: readonly Entry[], confirmed?: false): Holiday[] =>
  entries.map(([date, id, en]) => ({
    date,
    name: { id, en },
    kind,
    ...(confirmed === false ? { confirmed } : {}),
  }));

const byDate = (a: Holiday, b: Holiday): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/*
 * 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025,
 * Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026,
 * announced by the Coordinating Minister PMK on 19 September 2025: 17 national holidays and 8 days
 * of collective leave. The decree's PDF itself was not read; the dates below agree across the
 * published lists found (disdiksmg.semarangkota.go.id naming the decree, tribunnews.com and
 * jpnn.com giving the 17 + 8 count, full lists on pembelajaranbermaknaid.blogspot.com,
 * mimbarjumat.com and the guangrei/APIHariLibur_V2 data set). The government has amended such a
 * decree mid-year before (2022, 2025): units should apply any amendment in their settings.
 */
const Y2026: readonly Holiday[] = [
  ...holidays('national-holiday', [
    ['2026-01-01', 'Tahun Baru 2026 Masehi', "New Year's Day"],
    ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj of the Prophet Muhammad"],
    ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577'],
    ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'Day of Silence (Saka New Year 1948)'],
    ['2026-03-21', 'Idul Fitri 1447 Hijriah', 'Eid al-Fitr 1447 AH'],
    ['2026-03-22', 'Idul Fitri 1447 Hijriah (hari kedua)', 'Eid al-Fitr 1447 AH (second day)'],
    ['2026-04-03', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'],
    ['2026-05-01', 'Hari Buruh Internasional', 'International Labour Day'],
    ['2026-05-14', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'],
    ['2026-05-27', 'Idul Adha 1447 Hijriah', 'Eid al-Adha 1447 AH'],
    ['2026-05-31', 'Hari Raya Waisak 2570 BE', 'Vesak 2570 BE'],
    ['2026-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'Islamic New Year 1448 AH'],
    ['2026-08-17', 'Proklamasi Kemerdekaan', 'Independence Day'],
    ['2026-08-25', 'Maulid Nabi Muhammad SAW', "The Prophet Muhammad's Birthday"],
    ['2026-12-25', 'Kelahiran Yesus Kristus', 'Christmas Day'],
  ]),
  ...holidays('collective-leave', [
    ['2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'Collective leave for Chinese New Year'],
    ['2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'Collective leave for the Day of Silence'],
    ['2026-03-20', 'Cuti bersama Idul Fitri', 'Collective leave for Eid al-Fitr'],
    ['2026-03-23', 'Cuti bersama Idul Fitri', 'Collective leave for Eid al-Fitr'],
    ['2026-03-24', 'Cuti bersama Idul Fitri', 'Collective leave for Eid al-Fitr'],
    ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave for Ascension Day'],
    ['2026-05-28', 'Cuti bersama Idul Adha', 'Collective leave for Eid al-Adha'],
    ['2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'Collective leave for Christmas'],
  ]),
].sort(byDate);

/*
 * 2027: NO decree found (the SKB for a year is usually signed in September-October of the year
 * before). Every date is an estimate, marked `confirmed: false`, and NO collective leave is listed:
 * units add the cuti bersama days when the 2027 SKB is published.
 * - Fixed dates (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec) as in Keppres 8/2024 on national holidays.
 * - Good Friday, Easter and Ascension from the Gregorian Easter computus (Easter 28 March 2027).
 * - Islamic dates from the Umm al-Qura tables in python-holidays (vacanza/holidays,
 *   holidays/calendars/islamic.py): Isra Mikraj 5 Jan (Umm al-Qura also has 27 Rajab 1449 on
 *   25 Dec 2027, a holiday already), 1 Muharam 6 Jun. Idul Fitri, Idul Adha and Maulid are put
 *   one day after Umm al-Qura (9 Mar, 16 May, 14 Aug) because the conjunction falls late in the
 *   day in Indonesia, below the MABIMS visibility criterion Kemenag uses (in 2026 the SKB also put
 *   Idul Fitri one day after Umm al-Qura). Expect differences of a day.
 * - Nyepi from the Balinese Saka table in python-holidays (holidays/calendars/balinese_saka.py);
 *   Imlek and Waisak from the new moon of 6 Feb 2027 and the full moon of 20 May 2027.
 */
const Y2027: readonly Holiday[] = holidays(
  'national-holiday',
  [
    ['2027-01-01', 'Tahun Baru 2027 Masehi', "New Year's Day"],
    ['2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj of the Prophet Muhammad"],
    ['2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', 'Chinese New Year 2578'],
    ['2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', 'Day of Silence (Saka New Year 1949)'],
    ['2027-03-10', 'Idul Fitri 1448 Hijriah', 'Eid al-Fitr 1448 AH'],
    ['2027-03-11', 'Idul Fitri 1448 Hijriah (hari kedua)', 'Eid al-Fitr 1448 AH (second day)'],
    ['2027-03-26', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'],
    ['2027-05-01', 'Hari Buruh Internasional', 'International Labour Day'],
    ['2027-05-06', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'],
    ['2027-05-17', 'Idul Adha 1448 Hijriah', 'Eid al-Adha 1448 AH'],
    ['2027-05-20', 'Hari Raya Waisak 2571 BE', 'Vesak 2571 BE'],
    ['2027-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2027-06-06', '1 Muharam Tahun Baru Islam 1449 Hijriah', 'Islamic New Year 1449 AH'],
    ['2027-08-15', 'Maulid Nabi Muhammad SAW', "The Prophet Muhammad's Birthday"],
    ['2027-08-17', 'Proklamasi Kemerdekaan', 'Independence Day'],
    ['2027-12-25', 'Kelahiran Yesus Kristus', 'Christmas Day'],
  ],
  false,
).sort(byDate);

/** Default holidays by year, sorted by date. Seeds `UnitSettingsDoc.holidays`. */
export const DEFAULT_HOLIDAYS: Readonly<Record<number, readonly Holiday[]>> = {
  2026: Y2026,
  2027: Y2027,
};
