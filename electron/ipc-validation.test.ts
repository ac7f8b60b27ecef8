import { describe, expect, it } from 'vitest';
import { MAX_SAVE_FILE_BYTES, platformContract } from '../shared/platform/platform-contract';
import {
  PLATFORM_METHODS,
  PlatformRequestError,
  isTrustedSenderUrl,
  parsePlatformRequest,
  parsePlatformResponse,
} from './ipc-validation';

describe('PLATFORM_METHODS', () => {
  it('lists every contract method once, so every channel gets a handler', () => {
    expect([...PLATFORM_METHODS].sort()).toEqual(Object.keys(platformContract).sort());
    const channels = PLATFORM_METHODS.map((method) => platformContract[method].channel);
    expect(new Set(channels).size).toBe(channels.length);
  });
});

describe('parsePlatformRequest', () => {
  it('accepts valid requests and returns the parsed data', () => {
    const data = new Uint8Array([1, 2, 3]);
    const parsed = parsePlatformRequest('saveFile', {
      suggestedName: 'laporan.pdf',
      mimeType: 'application/pdf',
      data,
    });
    expect(parsed.data).toBe(data);
    expect(parsed.suggestedName).toBe('laporan.pdf');
    const parseAny: (method: 'appInfo', payload: unknown) => unknown = parsePlatformRequest;
    expect(parseAny('appInfo', undefined)).toBeUndefined();
    expect(parsePlatformRequest('print', {})).toEqual({});
    expect(parsePlatformRequest('openExternal', { url: 'https://lapor.go.id/' })).toEqual({
      url: 'https://lapor.go.id/',
    });
  });

  it('strips unknown keys instead of passing them to the handler', () => {
    const parsed = parsePlatformRequest('openExternal', { url: 'https://lapor.go.id/', shell: true });
    expect(parsed).toEqual({ url: 'https://lapor.go.id/' });
  });

  it.each([
    [
      'saveFile',
      { suggestedName: '../../.bashrc', mimeType: 'text/plain', data: new Uint8Array() },
      'suggestedName',
    ],
    [
      'saveFile',
      { suggestedName: 'C:\\Windows\\x.dll', mimeType: 'text/plain', data: new Uint8Array() },
      'suggestedName',
    ],
    ['saveFile', { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: 'not bytes' }, 'data'],
    ['saveFile', { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: [1, 2, 3] }, 'data'],
    ['saveFile', { suggestedName: 'a.pdf', data: new Uint8Array() }, 'mimeType'],
    ['saveFile', null, '(request)'],
    ['appInfo', { sneaky: true }, '(request)'],
    ['print', { documentTitle: 'x', silent: true }, '(request)'],
    ['print', { documentTitle: 'x'.repeat(201) }, 'documentTitle'],
    ['openExternal', { url: 42 }, 'url'],
    ['openExternal', 'https://lapor.go.id/', '(request)'],
  ] as const)('refuses an invalid %s payload, naming %s', (method, payload, path) => {
    expect(() => parsePlatformRequest(method, payload)).toThrow(PlatformRequestError);
    expect(() => parsePlatformRequest(method, payload)).toThrow(
      new RegExp(`^Invalid request for platform method "${method}": .*${path.replace(/[()]/g, '\\$&')}`),
    );
  });

  it('refuses files over the size limit without copying them', () => {
    const tooLarge = { byteLength: MAX_SAVE_FILE_BYTES + 1 };
    Object.setPrototypeOf(tooLarge, Uint8Array.prototype);
    expect(() =>
      parsePlatformRequest('saveFile', {
        suggestedName: 'a.zip',
        mimeType: 'application/zip',
        data: tooLarge,
      }),
    ).toThrow(/platform\.file\.tooLarge/);
  });

  it('never echoes the submitted values in the error', () => {
    const secret = 'NIK 3201234567890001';
    expect(() => parsePlatformRequest('openExternal', { url: secret.repeat(200) })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) as unknown }),
    );
  });

  it('refuses unknown methods', () => {
    expect(() => parsePlatformRequest('__proto__' as 'print', {})).toThrow(/Unknown platform method/);
  });
});

describe('parsePlatformResponse', () => {
  it('passes valid responses and rejects ones outside the contract', () => {
    expect(parsePlatformResponse('print', { status: 'printed' })).toEqual({ status: 'printed' });
    expect(parsePlatformResponse('saveFile', { status: 'cancelled' })).toEqual({ status: 'cancelled' });
    expect(() => parsePlatformResponse('saveFile', { status: 'saved' })).toThrow(
      /Invalid response .*fileName/,
    );
    expect(() => parsePlatformResponse('openExternal', { status: 'maybe' })).toThrow(/Invalid response/);
  });
});

describe('isTrustedSenderUrl', () => {
  it('trusts only frames on the app origin', () => {
    expect(isTrustedSenderUrl('app://meja-aduan/complaints')).toBe(true);
    expect(isTrustedSenderUrl('https://lapor.go.id/')).toBe(false);
    expect(isTrustedSenderUrl('app://evil/')).toBe(false);
    expect(isTrustedSenderUrl('about:blank')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});
