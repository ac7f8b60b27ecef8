/** Server addresses as typed in the settings, and the unit's database and user names. */
import { describe, expect, it } from 'vitest';
import { databaseUrl, normalizeServerUrl, remoteKey, unitSyncConfig } from './sync-config';

describe('normalizeServerUrl', () => {
  it('tidies what a person types: spaces and trailing slashes', () => {
    expect(normalizeServerUrl('  https://central.example.go.id/  ')).toBe('https://central.example.go.id');
    expect(normalizeServerUrl('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
    expect(normalizeServerUrl('https://example.go.id/couchdb//')).toBe('https://example.go.id/couchdb');
    expect(normalizeServerUrl('HTTPS://Central.Example.GO.ID')).toBe('https://central.example.go.id');
  });

  it('refuses anything but a plain http(s) address', () => {
    for (const text of [
      '',
      'central.example.go.id',
      'ftp://central.example.go.id',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://admin:secret@central.example.go.id',
      'https://central.example.go.id/?x=1',
      'https://central.example.go.id/#db',
    ]) {
      expect(normalizeServerUrl(text), text).toBeNull();
    }
  });
});

describe('unitSyncConfig', () => {
  it('names the unit’s database and the device’s own user as the central provisions them', () => {
    expect(unitSyncConfig('https://central.example.go.id/', 'KBM', 'K23', 'rahasia')).toEqual({
      serverUrl: 'https://central.example.go.id',
      databaseName: 'meja-aduan-unit-kbm',
      username: 'unit-kbm-k23',
      password: 'rahasia',
    });
  });

  it('throws for an address that is not one, or an invalid unit or device code', () => {
    expect(() => unitSyncConfig('nope', 'KBM', 'K23', 'x')).toThrow(RangeError);
    expect(() => unitSyncConfig('https://central.example.go.id', 'kbm!', 'K23', 'x')).toThrow(RangeError);
    expect(() => unitSyncConfig('https://central.example.go.id', 'KBM', 'K1', 'x')).toThrow(RangeError);
  });
});

describe('databaseUrl and remoteKey', () => {
  it('encode the database name (CouchDB names may hold a slash)', () => {
    const config = { serverUrl: 'https://central.example.go.id/couch', databaseName: 'region/unit-kbm' };
    expect(databaseUrl(config)).toBe('https://central.example.go.id/couch/region%2Funit-kbm');
    expect(remoteKey(config)).toBe(databaseUrl(config));
  });
});
