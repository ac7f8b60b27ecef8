/**
 * Synthetic complaint texts for the search benchmark and the index measurements
 * (docs/decisions/012-search-index.md): deterministic (complaint `i` always reads the same),
 * Indonesian, with the affixed forms, places, offices, names, phones and NIKs a unit's records
 * hold. Pure: the Chromium page bundles it too.
 */

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

const SUBJECTS = [
  'pungutan liar',
  'kerusakan jalan',
  'pelayanan puskesmas',
  'perizinan usaha',
  'antrean panjang',
  'lampu jalan mati',
  'sampah menumpuk',
  'banjir di permukiman',
  'pembuatan KTP elektronik',
  'akta kelahiran',
  'bantuan sosial',
  'dana desa',
  'jembatan rusak',
  'saluran air tersumbat',
  'sekolah dasar',
  'parkir liar',
  'pungli di kelurahan',
  'petugas tidak ramah',
  'air PDAM keruh',
  'izin mendirikan bangunan',
  'pemadaman listrik',
  'trotoar berlubang',
  'pelayanan rumah sakit',
  'biaya pendaftaran sekolah',
];

const VERBS = [
  'memungut',
  'dipungut',
  'meminta',
  'dimintai',
  'menunggu',
  'dilayani',
  'melaporkan',
  'mengadukan',
  'memperbaiki',
  'diperbaiki',
  'membayar',
  'dibayarkan',
  'menolak',
  'ditolak',
  'mengurus',
  'diurus',
  'membersihkan',
  'menyelesaikan',
  'ditangani',
  'menanyakan',
];

const NOUNS = [
  'petugas',
  'loket',
  'warga',
  'pelapor',
  'kepala desa',
  'lurah',
  'camat',
  'biaya',
  'kwitansi',
  'formulir',
  'berkas',
  'persyaratan',
  'pengaduan',
  'pelayanan',
  'perizinan',
  'kerusakan',
  'pembangunan',
  'kebersihan',
  'pemerintahan',
  'keamanan',
  'lubang',
  'aspal',
  'genangan',
  'saluran',
  'drainase',
  'antrean',
  'nomor antrean',
  'jadwal',
  'dokter',
  'obat',
  'rujukan',
  'sertifikat',
  'tanah',
  'pajak',
  'retribusi',
  'pasar',
  'terminal',
  'angkutan',
  'sopir',
  'tarif',
];

const ADJECTIVES = [
  'lama',
  'mahal',
  'rusak parah',
  'tidak jelas',
  'berbelit-belit',
  'kotor',
  'gelap',
  'berbahaya',
  'tidak sesuai',
  'terlambat',
  'sering',
  'berulang kali',
];

const TIMES = [
  'sejak pagi',
  'sejak minggu lalu',
  'selama tiga hari',
  'pukul 07.00',
  'setiap hari',
  'sejak bulan lalu',
];

export const PLACES = [
  'Kebumen',
  'Yogyakarta',
  'Sleman',
  'Bantul',
  'Purworejo',
  'Magelang',
  'Wonosobo',
  'Banjarnegara',
  'Cilacap',
  'Gombong',
  'Karanganyar',
  'Prembun',
  'Kutowinangun',
  'Ambal',
  'Petanahan',
  'Puring',
];

const STREETS = [
  'Jl. Pemuda',
  'Jl. Sudirman',
  'Jl. Ahmad Yani',
  'Jl. Pahlawan',
  'Jl. Kartini',
  'Jl. Diponegoro',
];

export const OFFICES = [
  'Dinas Kesehatan',
  'Dinas Pekerjaan Umum',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Pendidikan',
  'Dinas Lingkungan Hidup',
  'Dinas Perhubungan',
  'Dinas Penanaman Modal dan PTSP',
  'Kecamatan Kebumen',
];

const SYLLABLES = [
  'ka',
  'li',
  'be',
  'ning',
  'sa',
  'ri',
  'wo',
  'no',
  'so',
  'gun',
  'tan',
  'jo',
  'rejo',
  'mul',
  'yo',
  'sum',
  'ber',
  'da',
  'kar',
  'ngan',
];

/** A village or hamlet name from syllables (Kalibening, Sumberrejo, …): the rare words a real vocabulary has many of. */
function villageName(random: () => number): string {
  const count = 2 + Math.floor(random() * 2);
  const name = Array.from({ length: count }, () => pick(random, SYLLABLES)).join('');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

const FIRST_NAMES = [
  'Siti',
  'Budi',
  'Agus',
  'Dewi',
  'Rina',
  'Joko',
  'Sri',
  'Wahyu',
  'Eko',
  'Nur',
  'Andi',
  'Putri',
];
const LAST_NAMES = ['Aminah', 'Santoso', 'Wijaya', 'Lestari', 'Rahayu', 'Prasetyo', 'Hidayat', 'Kurniawan'];

export type CorpusText = Readonly<{
  title: string;
  chronology: string;
  location: string;
  office: string;
  name: string;
  phone: string;
  nik: string;
}>;

/** Complaint `index`'s texts: a title, a chronology of 40–90 words, a place, an office, an identity. */
export function corpusText(index: number): CorpusText {
  const random = seededRandom(index * 7919 + 17);
  const subject = pick(random, SUBJECTS);
  const place = pick(random, PLACES);
  const sentences: string[] = [];
  const sentenceCount = 4 + Math.floor(random() * 5);
  for (let s = 0; s < sentenceCount; s += 1) {
    sentences.push(
      `${pick(random, NOUNS)} ${pick(random, VERBS)} ${pick(random, NOUNS)} yang ${pick(random, ADJECTIVES)} ` +
        `di desa ${villageName(random)} ${pick(random, PLACES)} ${pick(random, TIMES)}; ${pick(random, NOUNS)} ${pick(random, ADJECTIVES)} ` +
        `dan ${pick(random, NOUNS)} ${pick(random, VERBS)} Rp${(1 + Math.floor(random() * 50)) * 5000}.`,
    );
  }
  const digits = (count: number): string =>
    Array.from({ length: count }, () => String(Math.floor(random() * 10))).join('');
  return {
    title: `${subject.charAt(0).toUpperCase()}${subject.slice(1)} di ${place}`,
    chronology: `Pelapor menyampaikan ${subject} di ${place}. ${sentences.join(' ')}`,
    location: `${pick(random, STREETS)} ${1 + Math.floor(random() * 200)}, ${place}`,
    office: pick(random, OFFICES),
    name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
    phone: `08${1 + Math.floor(random() * 9)}${digits(8 + Math.floor(random() * 3))}`,
    nik: `33${digits(14)}`,
  };
}
