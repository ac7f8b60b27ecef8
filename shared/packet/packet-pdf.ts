/**
 * `packet.pdf`: the packet as judges read it, in Indonesian: cover, unit profile, indicator pages
 * with vector charts, each assessment aspect's narrative and evidence, the evidence list with
 * SHA-256 digests, the example cases, the eligibility checklist, and a page on how to check the
 * packet's integrity. Built from the draft and the indicators only: no complaint record is an
 * input, so no complaint text or identity can reach this file.
 */
import { ATTACHMENT_EXTENSIONS } from '../complaint/attachment-types';
import { isChannel, isReportType } from '../complaint/vocabulary';
import type { Indicators } from '../indicators/indicators-types';
import { localDateOf } from '../time/local-date';
import { eligibilityText, type EligibilityCheck } from './packet-eligibility';
import {
  ASPECT_LABELS,
  CHANNEL_LABELS,
  COMPETITION_CATEGORY_LABELS,
  ENTITY_TYPE_LABELS,
  EVIDENCE_OWNER_LABELS,
  REPORT_TYPE_LABELS,
  categoryLabel,
  formatBytes,
  formatLongDate,
  formatNumber,
  formatPercent,
  formatShortMonth,
} from './packet-labels';
import {
  ASSESSMENT_ASPECTS,
  type EvidenceOwner,
  type EvidenceRef,
  type PacketDraft,
  type PacketGenerator,
} from './packet-types';
import { groupedBarChart, horizontalBarChart, type HorizontalBar } from './pdf-charts';
import { COLORS, PAGE_HEIGHT, PAGE_WIDTH, PdfLayout } from './pdf-layout';

/** An evidence file as packed: where it sits in the ZIP and its digest. */
export type PackedEvidence = Readonly<{
  owner: EvidenceOwner;
  ref: EvidenceRef;
  path: string;
  sha256: string;
}>;

/** Where the draft came from: the app's packet editor, or `npm run packet -- build` (no narratives). */
export type PacketOrigin = 'editor' | 'command-line';

export type PacketPdfInput = Readonly<{
  draft: PacketDraft;
  indicators: Indicators;
  evidence: readonly PackedEvidence[];
  eligibility: readonly EligibilityCheck[];
  generator: PacketGenerator;
  createdAt: Date;
  origin: PacketOrigin;
  categoryLabels?: Readonly<Record<string, string>>;
}>;

/** How many categories the category chart shows before grouping the rest. */
const TOP_CATEGORIES = 10;

function typeLabel(mimeType: string): string {
  const extensions = (ATTACHMENT_EXTENSIONS as Readonly<Record<string, readonly string[]>>)[mimeType];
  return extensions?.[0]?.toUpperCase() ?? mimeType;
}

function periodText(period: Readonly<{ from: string; to: string }>): string {
  return `${formatLongDate(period.from)} s.d. ${formatLongDate(period.to)}`;
}

function countShare(value: Readonly<{ count: number; share: number }>): string {
  return `${value.count} (${formatPercent(value.share)})`;
}

function cover(layout: PdfLayout, input: PacketPdfInput): void {
  const { draft, generator, createdAt, indicators } = input;
  const created = localDateOf(createdAt, indicators.deadlines.timeZone);
  layout.page.drawRectangle({
    x: 0,
    y: PAGE_HEIGHT - 12,
    width: PAGE_WIDTH,
    height: 12,
    color: COLORS.accent,
  });
  layout.space(120);
  layout.paragraph('PAKET USULAN', { size: 14, bold: true, color: COLORS.muted, after: 6 });
  layout.paragraph(`Kompetisi Pengelolaan Pengaduan Pelayanan Publik (P4) ${draft.year}`, {
    size: 22,
    bold: true,
    color: COLORS.accent,
    after: 10,
  });
  layout.paragraph(`Kategori: ${COMPETITION_CATEGORY_LABELS[draft.category]}`, { size: 13, after: 40 });
  layout.paragraph(draft.profile.unitName, { size: 20, bold: true, after: 6 });
  if (draft.profile.agency) layout.paragraph(draft.profile.agency, { size: 13, after: 4 });
  layout.paragraph(ENTITY_TYPE_LABELS[draft.profile.entityType], {
    size: 11,
    color: COLORS.muted,
    after: 40,
  });
  layout.keyValues([
    ['Periode pelaporan', periodText(draft.period)],
    ['Kode unit', draft.profile.unitCode],
    ['Tanggal dibuat', formatLongDate(created)],
    ['Dibuat dengan', `${generator.name} ${generator.version}`],
  ]);
  if (input.origin === 'command-line') {
    layout.space(16);
    layout.notice(
      'Paket ini dibuat dari baris perintah (npm run packet -- build) tanpa editor paket: bagian narasi, ' +
        'berkas bukti dan contoh kasus kosong. Indikator dan data pengaduan dihitung dari catatan unit.',
    );
  }
}

function profile(layout: PdfLayout, draft: PacketDraft): void {
  const unit = draft.profile;
  layout.heading('1. Profil Unit', 1);
  const channels = [...unit.channels.map((channel) => CHANNEL_LABELS[channel])];
  if (unit.otherChannels.trim() !== '') channels.push(unit.otherChannels.trim());
  const head = [unit.headOfUnit.name, unit.headOfUnit.position]
    .filter((part) => part.trim() !== '')
    .join(', ');
  const decree = [
    unit.team.decreeNumber.trim(),
    unit.team.decreeDate ? `tanggal ${formatLongDate(unit.team.decreeDate)}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  layout.keyValues([
    ['Nama unit', unit.unitName],
    ['Kode unit', unit.unitCode],
    ['Instansi', unit.agency],
    ['Jenis instansi', ENTITY_TYPE_LABELS[unit.entityType]],
    ['Kategori kompetisi', COMPETITION_CATEGORY_LABELS[draft.category]],
    ['Alamat', unit.address],
    ['Kontak', unit.contact],
    ['Kepala unit', head],
    ['SK tim pengelola pengaduan', decree],
    ['Kanal pengaduan yang dikelola', channels.join(', ')],
    ['Jumlah pengelola pengaduan', unit.staff.count === null ? '' : String(unit.staff.count)],
    ['Pengelola yang sudah dilatih', unit.staff.trained === null ? '' : String(unit.staff.trained)],
  ]);
  layout.heading('Pelatihan pengelola pengaduan', 3);
  layout.paragraph(unit.staff.training.trim() === '' ? '—' : unit.staff.training);
  layout.heading('Tim pengelola pengaduan', 3);
  if (unit.team.members.length === 0) {
    layout.paragraph('—');
  } else {
    layout.table(
      [
        { header: 'No', width: 30, align: 'right' },
        { header: 'Nama', width: 220 },
        { header: 'Peran dalam tim', width: 233 },
      ],
      unit.team.members.map((member, index) => [String(index + 1), member.name, member.role]),
    );
  }
}

function sharesOf(
  counts: Readonly<Record<string, number>>,
  total: number,
  label: (key: string) => string,
): HorizontalBar[] {
  return Object.entries(counts)
    .sort(([keyA, a], [keyB, b]) => b - a || (keyA < keyB ? -1 : 1))
    .map(([key, count]) => ({
      label: label(key),
      value: total > 0 ? count / total : 0,
      display: `${count} (${formatPercent(total > 0 ? count / total : 0)})`,
    }));
}

function indicatorPages(layout: PdfLayout, input: PacketPdfInput): void {
  const { indicators } = input;
  const { deadlines, totals } = indicators;
  const zone = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }[deadlines.timeZone];
  layout.heading('2. Indikator Pengelolaan Pengaduan', 1);
  layout.paragraph(
    `Dihitung dari catatan pengaduan unit untuk periode ${periodText(indicators.period)} (tanggal ${zone}). ` +
      `Tenggat yang dipakai (pengaturan unit saat paket dibuat): verifikasi ${deadlines.verifyWorkingDays} hari kerja, ` +
      `tindak lanjut ${deadlines.followUpWorkingDays} hari kerja sejak disposisi, penyelesaian ${deadlines.resolveCalendarDays} hari ` +
      'sejak verifikasi. Persentase dihitung atas seluruh pengaduan yang diterima dalam periode; pengaduan yang masih ' +
      'terbuka pada akhir periode dihitung belum selesai. Definisi lengkap: indicators.json dan docs/packet.md.',
    { color: COLORS.muted, after: 8 },
  );
  layout.keyValues(
    [
      ['Pengaduan diterima', String(totals.received)],
      [
        `Diverifikasi dalam ${deadlines.verifyWorkingDays} hari kerja`,
        countShare(indicators.verifiedWithin3WorkingDays),
      ],
      [
        `Ditindaklanjuti dalam ${deadlines.followUpWorkingDays} hari kerja`,
        countShare(indicators.followedUpWithin5WorkingDays),
      ],
      [`Selesai dalam ${deadlines.resolveCalendarDays} hari`, countShare(indicators.resolvedWithin60Days)],
      [
        'Waktu verifikasi (hari kerja)',
        `median ${formatNumber(indicators.timeToVerifyWorkingDays.median)}, persentil ke-90 ${formatNumber(indicators.timeToVerifyWorkingDays.p90)}`,
      ],
      [
        'Waktu penyelesaian (hari)',
        `median ${formatNumber(indicators.timeToResolveDays.median)}, persentil ke-90 ${formatNumber(indicators.timeToResolveDays.p90)}`,
      ],
      [
        'Kepuasan pelapor (1-5)',
        indicators.satisfaction.responses === 0
          ? 'belum ada penilaian'
          : `rata-rata ${formatNumber(indicators.satisfaction.average, 2)} dari ${indicators.satisfaction.responses} penilaian`,
      ],
      [
        'Balasan pelapor',
        `${indicators.reporterReplies.replies} balasan pada ${indicators.reporterReplies.complaints} pengaduan`,
      ],
      [
        `Tunggakan per ${formatLongDate(indicators.period.to)}`,
        `${indicators.backlog.open} masih terbuka, ${indicators.backlog.overdue} melewati tenggat`,
      ],
    ],
    210,
  );

  layout.heading('Tren bulanan: pengaduan diterima dan selesai', 2);
  groupedBarChart(layout, {
    categories: indicators.monthly.map((month) => formatShortMonth(month.month)),
    series: [
      { label: 'Diterima', color: COLORS.accent, values: indicators.monthly.map((month) => month.received) },
      { label: 'Selesai', color: COLORS.good, values: indicators.monthly.map((month) => month.closed) },
    ],
  });

  layout.heading('Ketepatan waktu (persentase pengaduan yang diterima)', 2);
  horizontalBarChart(layout, {
    max: 1,
    bars: [
      {
        label: `Diverifikasi dalam ${deadlines.verifyWorkingDays} hari kerja`,
        value: indicators.verifiedWithin3WorkingDays.share,
        display: formatPercent(indicators.verifiedWithin3WorkingDays.share),
      },
      {
        label: `Ditindaklanjuti dalam ${deadlines.followUpWorkingDays} hari kerja`,
        value: indicators.followedUpWithin5WorkingDays.share,
        display: formatPercent(indicators.followedUpWithin5WorkingDays.share),
      },
      {
        label: `Selesai dalam ${deadlines.resolveCalendarDays} hari`,
        value: indicators.resolvedWithin60Days.share,
        display: formatPercent(indicators.resolvedWithin60Days.share),
      },
    ],
  });

  const received = totals.received;
  layout.heading('Pengaduan menurut kanal', 2);
  if (received === 0) layout.paragraph('Tidak ada pengaduan dalam periode ini.');
  horizontalBarChart(layout, {
    max: 1,
    bars: sharesOf(totals.byChannel, received, (key) => (isChannel(key) ? CHANNEL_LABELS[key] : key)),
  });

  layout.heading('Pengaduan menurut kategori', 2);
  const categories = sharesOf(totals.byCategory, received, (key) => categoryLabel(key, input.categoryLabels));
  const shown = categories.slice(0, TOP_CATEGORIES);
  const rest = categories.slice(TOP_CATEGORIES);
  if (rest.length > 0) {
    const count = Object.entries(totals.byCategory)
      .sort(([keyA, a], [keyB, b]) => b - a || (keyA < keyB ? -1 : 1))
      .slice(TOP_CATEGORIES)
      .reduce((sum, [, value]) => sum + value, 0);
    const share = received > 0 ? count / received : 0;
    shown.push({
      label: `${rest.length} kategori lain`,
      value: share,
      display: `${count} (${formatPercent(share)})`,
    });
  }
  if (received === 0) layout.paragraph('Tidak ada pengaduan dalam periode ini.');
  horizontalBarChart(layout, { max: 1, bars: shown, color: COLORS.accentLight });

  layout.heading('Pengaduan menurut jenis laporan', 2);
  if (received === 0) layout.paragraph('Tidak ada pengaduan dalam periode ini.');
  horizontalBarChart(layout, {
    max: 1,
    bars: sharesOf(totals.byType, received, (key) => (isReportType(key) ? REPORT_TYPE_LABELS[key] : key)),
    color: COLORS.accentLight,
  });

  layout.heading('Penilaian kepuasan pelapor', 2);
  const responses = indicators.satisfaction.responses;
  if (responses === 0) layout.paragraph('Belum ada penilaian kepuasan dalam periode ini.');
  horizontalBarChart(layout, {
    max: 1,
    color: COLORS.good,
    bars: ['5', '4', '3', '2', '1'].map((rating) => {
      const count = indicators.satisfaction.byRating[rating] ?? 0;
      const share = responses > 0 ? count / responses : 0;
      return { label: `Nilai ${rating}`, value: share, display: `${count} (${formatPercent(share)})` };
    }),
  });
}

function evidenceTable(layout: PdfLayout, files: readonly PackedEvidence[]): void {
  layout.table(
    [
      { header: 'Berkas', width: 260 },
      { header: 'Jenis', width: 50 },
      { header: 'Ukuran', width: 60, align: 'right' },
      { header: 'Lokasi dalam paket', width: 113 },
    ],
    files.map((file) => [file.ref.name, typeLabel(file.ref.mimeType), formatBytes(file.ref.size), file.path]),
  );
}

function aspects(layout: PdfLayout, input: PacketPdfInput): void {
  layout.heading('3. Aspek Penilaian', 1);
  ASSESSMENT_ASPECTS.forEach((aspect, index) => {
    const section = input.draft.sections[aspect];
    layout.heading(`3.${index + 1} ${ASPECT_LABELS[aspect]}`, 2);
    if (section.narrative.trim() === '') {
      layout.notice(
        input.origin === 'command-line'
          ? 'BELUM DIISI: narasi aspek ini kosong (paket dibuat dari baris perintah tanpa editor paket).'
          : 'BELUM DIISI: narasi aspek ini kosong.',
      );
    } else {
      for (const paragraph of section.narrative.trim().split(/\n\s*\n/))
        layout.paragraph(paragraph, { after: 6 });
    }
    const files = input.evidence.filter((file) => file.owner === aspect);
    layout.heading('Berkas bukti', 3);
    if (files.length === 0)
      layout.paragraph('Tidak ada berkas bukti untuk aspek ini.', { color: COLORS.muted });
    else evidenceTable(layout, files);
  });
}

function evidenceList(layout: PdfLayout, input: PacketPdfInput): void {
  layout.heading('4. Daftar Berkas Bukti', 1);
  layout.paragraph(
    'Setiap berkas ada di folder evidence/ dalam paket ZIP. SHA-256 di bawah sama dengan yang tercatat di ' +
      'manifest.json, sehingga perubahan sekecil apa pun pada berkas dapat diketahui.',
    { color: COLORS.muted, after: 8 },
  );
  if (input.evidence.length === 0) {
    layout.notice('Tidak ada berkas bukti dalam paket ini.');
    return;
  }
  layout.table(
    [
      { header: 'No', width: 22, align: 'right' },
      { header: 'Aspek dan berkas', width: 160 },
      { header: 'Ukuran', width: 45, align: 'right' },
      { header: 'SHA-256', width: 256 },
    ],
    input.evidence.map((file, index) => [
      String(index + 1),
      `${EVIDENCE_OWNER_LABELS[file.owner]}\n${file.path}`,
      formatBytes(file.ref.size),
      file.sha256,
    ]),
    7,
  );
}

function exampleCases(layout: PdfLayout, draft: PacketDraft): void {
  layout.heading('5. Contoh Kasus', 1);
  layout.paragraph(
    'Kasus dipilih dari catatan unit dan dianonimkan: tanpa identitas pelapor, nama dan tempat yang dapat ' +
      'mengenali seseorang, diperiksa pengelola sebelum paket dibuat.',
    { color: COLORS.muted, after: 8 },
  );
  if (draft.exampleCases.length === 0) {
    layout.notice('BELUM DIISI: tidak ada contoh kasus.');
    return;
  }
  draft.exampleCases.forEach((example, index) => {
    layout.heading(`Kasus ${index + 1}: ${example.title}`, 3);
    for (const paragraph of example.text.trim().split(/\n\s*\n/)) layout.paragraph(paragraph, { after: 6 });
  });
}

function eligibility(layout: PdfLayout, checks: readonly EligibilityCheck[]): void {
  layout.heading('6. Pemeriksaan Kelayakan', 1);
  for (const check of checks) {
    layout.paragraph(`${check.ok ? '[TERPENUHI]' : '[BELUM]'} ${eligibilityText(check)}`, {
      bold: !check.ok,
      color: check.ok ? COLORS.text : COLORS.warn,
      after: 6,
    });
  }
}

function aboutPacket(layout: PdfLayout, input: PacketPdfInput): void {
  layout.heading('7. Tentang Paket Ini', 1);
  layout.keyValues([
    ['packet.pdf', 'Dokumen ini.'],
    [
      'complaints.xlsx, complaints.csv',
      'Satu baris per pengaduan yang diterima dalam periode. Identitas pelapor tidak pernah dicantumkan; ' +
        'pengaduan rahasia hanya berisi kanal, kategori, tanggal dan status.',
    ],
    ['indicators.json', 'Indikator di bab 2 dalam bentuk data, dengan definisi tenggat yang dipakai.'],
    ['evidence/', 'Berkas bukti tiap aspek.'],
    [
      'manifest.json',
      'Daftar setiap berkas lain dengan ukuran dan SHA-256, pembuat, unit, periode dan waktu pembuatan.',
    ],
  ]);
  layout.space(8);
  layout.paragraph(
    'Memeriksa keutuhan paket: jalankan "npm run packet -- verify <berkas.zip>" dari kode sumber Meja Aduan, ' +
      'atau hitung SHA-256 setiap berkas dan bandingkan dengan manifest.json.',
  );
  layout.paragraph(
    `Dibuat dengan ${input.generator.name} ${input.generator.version} pada ${input.createdAt.toISOString()}.`,
    {
      color: COLORS.muted,
    },
  );
}

/** The bytes of `packet.pdf`. */
export async function buildPacketPdf(input: PacketPdfInput): Promise<Uint8Array> {
  const layout = await PdfLayout.create();
  const { draft } = input;
  cover(layout, input);
  profile(layout, draft);
  indicatorPages(layout, input);
  aspects(layout, input);
  evidenceList(layout, input);
  exampleCases(layout, draft);
  eligibility(layout, input.eligibility);
  aboutPacket(layout, input);
  layout.footers(
    (page, count) => `${draft.profile.unitName} · Paket P4 ${draft.year} · Halaman ${page} dari ${count}`,
  );

  const doc = layout.doc;
  doc.setTitle(`Paket Usulan Kompetisi P4 ${draft.year}: ${draft.profile.unitName}`);
  doc.setAuthor(draft.profile.unitName);
  doc.setSubject(`Periode ${draft.period.from} s.d. ${draft.period.to}`);
  doc.setCreator(`${input.generator.name} ${input.generator.version}`);
  doc.setProducer(`${input.generator.name} ${input.generator.version} (pdf-lib)`);
  doc.setLanguage('id-ID');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  return doc.save();
}
