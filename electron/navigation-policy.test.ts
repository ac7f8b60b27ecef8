import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, parseAppUrl } from './app-origin';
import { decideNavigation, decideWindowOpen, isRedirectAllowed } from './navigation-policy';

describe('isAppUrl', () => {
  it('accepts the app origin with any path, query or hash', () => {
    for (const url of [
      APP_ENTRY_URL,
      'app://meja-aduan',
      'app://meja-aduan/complaints/1?tab=2#x',
      'app://MEJA-ADUAN/',
    ]) {
      expect(isAppUrl(url)).toBe(true);
    }
  });

  it('refuses look-alike and foreign origins', () => {
    for (const url of [
      'app://meja-aduan.evil.example/',
      'app://evil/',
      'app://meja-aduan:1234/',
      'app://admin:secret@meja-aduan/',
      'apps://meja-aduan/',
      'http://meja-aduan/',
      'https://www.lapor.go.id/',
      'file:///C:/Users/',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'meja-aduan/index.html',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('returns the parsed URL for app URLs only', () => {
    expect(parseAppUrl('app://meja-aduan/a?b=1')?.pathname).toBe('/a');
    expect(parseAppUrl('https://lapor.go.id/')).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('allows navigation inside the app', () => {
    expect(decideNavigation('app://meja-aduan/dashboard')).toBe('allow');
  });

  it('sends allow-listed https links to the system browser', () => {
    expect(decideNavigation('https://www.lapor.go.id/instansi')).toBe('open-externally');
    expect(decideNavigation('https://ombudsman.go.id/')).toBe('open-externally');
  });

  it('blocks everything else', () => {
    for (const url of [
      'http://www.lapor.go.id/',
      'https://lapor.go.id.evil.example/',
      'https://user:pw@lapor.go.id/',
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:void(0)',
      'not a url',
    ]) {
      expect(decideNavigation(url), url).toBe('block');
    }
  });
});

describe('isRedirectAllowed', () => {
  it('follows only same-origin redirects, even to allow-listed sites', () => {
    expect(isRedirectAllowed('app://meja-aduan/index.html')).toBe(true);
    expect(isRedirectAllowed('https://www.lapor.go.id/')).toBe(false);
    expect(isRedirectAllowed('https://evil.example/')).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  it('opens allow-listed links externally and denies every other new window', () => {
    expect(decideWindowOpen('https://menpan.go.id/site/berita')).toBe('open-externally');
    expect(decideWindowOpen('app://meja-aduan/print')).toBe('deny');
    expect(decideWindowOpen('https://evil.example/')).toBe('deny');
    expect(decideWindowOpen('about:blank')).toBe('deny');
  });
});
