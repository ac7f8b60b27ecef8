/**
 * The national (SP4N-LAPOR!) export: identity only when asked for and only for named complaints;
 * confidential complaints without content; CSV with BOM, JSON with what/for whom/when.
 */
import { describe, expect, it } from 'vitest';
import {
  LAPOR_STATUSES,
  laporCsv,
  laporJson,
  laporRecords,
  laporRows,
  namedReporterIds,
  withIdentity,
} from './lapor-export';
import {
  CONFIDENTIAL_CONTENT,
  NAMED_REPORTER,
  PERIOD,
  PUBLIC_TITLE,
  SECRETS,
  TIME_ZONE,
  UNIT_CODE,
  UNIT_NAME,
  packetFixture,
} from './packet.fixtures';

const META = {
  unit: { code: UNIT_CODE, name: UNIT_NAME },
  period: PERIOD,
  createdAt: new Date('2026-07-02T03:00:00.000Z'),
  generator: { name: 'Meja Aduan', version: 'test' },
};

function records(includeIdentity: boolean) {
  const fixture = packetFixture();
  return laporRecords({
    complaints: fixture.complaints,
    events: fixture.events,
    reporters: fixture.reporters,
    timeZone: TIME_ZONE,
    period: PERIOD,
    includeIdentity,
  });
}

describe('laporRecords', () => {
  it('maps a named complaint to the LAPOR! fields', () => {
    const named = records(false).find((record) => record.title === PUBLIC_TITLE);
    expect(named).toMatchObject({
      receivedDate: '2026-02-02',
      body: 'Sejak seminggu lampu jalan padam dan rawan kecelakaan.',
      incidentDate: '2026-02-02',
      location: 'Jalan Kenanga',
      category: 'Infrastruktur',
      categoryCode: 'infrastructure',
      targetAgency: 'Dinas Pekerjaan Umum',
      channel: 'Datang langsung',
      status: LAPOR_STATUSES.closed,
      statusCode: 'closed',
      anonymous: false,
      confidential: false,
      reporter: null,
    });
  });

  it('without includeIdentity: no identity and no confidential content anywhere', () => {
    const list = records(false);
    const text =
      JSON.stringify(list) + new TextDecoder().decode(laporCsv(list, false)) + laporJson(list, false, META);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain(PUBLIC_TITLE);
  });

  it('with includeIdentity: identity of the named complainant only, still no confidential content', () => {
    const list = records(true);
    const withIdentity = list.filter((record) => record.reporter !== null);
    expect(withIdentity.map((record) => record.reporter)).toEqual([{ ...NAMED_REPORTER }]);
    const text = new TextDecoder().decode(laporCsv(list, true)) + laporJson(list, true, META);
    expect(text).toContain(NAMED_REPORTER.nik);
    const notNamed = SECRETS.filter(
      (secret) => !Object.values(NAMED_REPORTER).some((value) => value === secret),
    );
    for (const secret of notNamed) expect(text).not.toContain(secret);
  });

  it('keeps confidential complaints with their flags but without content fields', () => {
    const confidential = records(true).filter((record) => record.confidential);
    expect(confidential).toHaveLength(2);
    for (const record of confidential) {
      expect(record).toMatchObject({
        title: null,
        body: null,
        incidentDate: null,
        location: null,
        targetAgency: null,
        reporter: null,
      });
      expect(record.trackingNumber).toMatch(/^KBM-/);
    }
    expect(JSON.stringify(confidential)).not.toMatch(new RegExp(CONFIDENTIAL_CONTENT.join('|')));
  });

  it('flags anonymous complaints and, without a period, takes every complaint', () => {
    const fixture = packetFixture();
    const all = laporRecords({
      complaints: fixture.complaints,
      events: fixture.events,
      timeZone: TIME_ZONE,
      includeIdentity: false,
    });
    expect(all).toHaveLength(fixture.complaints.length);
    expect(all.filter((record) => record.anonymous)).toHaveLength(2);
  });
});

describe('identity added after the rows (the app reads reporter documents only for named rows)', () => {
  it('asks for the reporter of the named complaint only, and gives the same records as asking up front', () => {
    const fixture = packetFixture();
    const base = {
      complaints: fixture.complaints,
      events: fixture.events,
      timeZone: TIME_ZONE,
      period: PERIOD,
    };
    const plain = laporRows({ ...base, includeIdentity: false });
    const named = fixture.reporters.filter((reporter) => reporter.name === NAMED_REPORTER.name);
    expect(namedReporterIds(plain)).toEqual(named.map((reporter) => reporter._id));
    // Every reporter offered: still only the named complaint gets one.
    const added = withIdentity(plain, fixture.reporters).map((row) => row.record);
    expect(added).toEqual(records(true));
    expect(added.filter((record) => record.reporter !== null)).toHaveLength(1);
  });
});

describe('laporCsv and laporJson', () => {
  it('writes CSV with BOM and identity columns only when identity is included', () => {
    const without = new TextDecoder('utf-8', { ignoreBOM: true }).decode(laporCsv(records(false), false));
    expect(without.startsWith('\ufeffNomor Tiket,Tanggal Diterima,Judul Laporan,Isi Laporan,')).toBe(true);
    expect(without.split('\r\n')[0]).not.toContain('NIK');
    const withIdentity = new TextDecoder().decode(laporCsv(records(true), true));
    expect(withIdentity.split('\r\n')[0]?.endsWith(',Nama Pelapor,NIK,Telepon,Email,Alamat Pelapor')).toBe(
      true,
    );
  });

  it('writes JSON saying what, for whom and whether identity is included', () => {
    const json = JSON.parse(laporJson(records(false), false, META)) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'meja-aduan-lapor-export',
      formatVersion: 1,
      unit: META.unit,
      period: PERIOD,
      includesIdentity: false,
      createdAt: '2026-07-02T03:00:00.000Z',
    });
    expect(json.records).toHaveLength(4);
  });
});
