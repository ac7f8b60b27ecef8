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
 * decree mid-year before (2022, 2025): the central imports the amended list (docs/central.md).
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
 * 2027: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1205 Tahun 2026,
 * Nomor 3 Tahun 2026, Nomor 2 Tahun 2026 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027,
 * signed on 15 September 2026: 18 national holidays (Isra Mikraj twice: 27 Rajab 1448 and 1449)
 * and 8 days of collective leave. As for 2026 the decree's PDF itself (a scan on kemenkopmk.go.id)
 * was not read: every date below agrees across three independent published transcriptions that
 * name the decree and cite Sekretariat Negara's page of it (setneg.go.id, "Inilah SKB 3 Menteri
 * Libur Nasional dan Cuti Bersama 2027") and Kemenko PMK's announcement, found on 7 December
 * 2026, one of them giving the decree's Lampiran A item numbers (Idul Fitri item 5, Idul Adha
 * item 10, Maulid item 14, the second Isra Mikraj item 17). The decree leaves the final dates of
 * Idul Fitri and Idul Adha to a separate Keputusan Menteri Agama after the moon sighting (its
 * Diktum KEDUA): when one moves, the central imports the amended list (docs/central.md,
 * "The national calendar") and every unit's deadlines follow it.
 */
const Y2027: readonly Holiday[] = [
  ...holidays('national-holiday', [
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
    ['2027-12-26', 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj of the Prophet Muhammad"],
  ]),
  ...holidays('collective-leave', [
    ['2027-02-05', 'Cuti bersama Tahun Baru Imlek', 'Collective leave for Chinese New Year'],
    ['2027-03-09', 'Cuti bersama Idul Fitri', 'Collective leave for Eid al-Fitr'],
    ['2027-03-12', 'Cuti bersama Idul Fitri', 'Collective leave for Eid al-Fitr'],
    ['2027-03-15', 'Cuti bersama Idul Fitri', 'Collective leave for Eid al-Fitr'],
    ['2027-03-25', 'Cuti bersama Wafat Yesus Kristus', 'Collective leave for Good Friday'],
    ['2027-05-18', 'Cuti bersama Idul Adha', 'Collective leave for Eid al-Adha'],
    ['2027-05-19', 'Cuti bersama Hari Raya Waisak', 'Collective leave for Vesak'],
    ['2027-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'Collective leave for Christmas'],
  ]),
].sort(byDate);

/**
 * Which list the app ships for each year, as the settings screen and the packet's indicators name
 * it (the central's national calendar, when imported, takes a year's place: ./national-calendar).
 */
export const SHIPPED_CALENDAR_SOURCES: Readonly<Record<number, string>> = {
  2026: 'SKB 3 Menteri 1497/2025, 2/2025, 5/2025 (19 September 2025)',
  2027: 'SKB 3 Menteri 1205/2026, 3/2026, 2/2026 (15 September 2026)',
};

/** Default holidays by year, sorted by date. Seeds `UnitSettingsDoc.holidays`. */
export const DEFAULT_HOLIDAYS: Readonly<Record<number, readonly Holiday[]>> = {
  2026: Y2026,
  2027: Y2027,
};
