import { describe, expect, it } from 'vitest';
import {
  CATEGORY_CODE_PATTERN,
  CHANNELS,
  COMPLAINT_STATUSES,
  DEFAULT_CATEGORIES,
  ENTITY_TYPES,
  INTAKE_CHANNELS,
  PRIVACY_MODES,
  REPORT_TYPES,
  isChannel,
  isPrivacyMode,
} from './vocabulary';

describe('vocabulary', () => {
  it('offers every channel at intake, walk-in and phone first', () => {
    expect([...INTAKE_CHANNELS].sort()).toEqual([...CHANNELS].sort());
    expect(INTAKE_CHANNELS.slice(0, 2)).toEqual(['walk-in', 'phone']);
  });

  it('has no duplicate codes', () => {
    for (const list of [CHANNELS, REPORT_TYPES, PRIVACY_MODES, ENTITY_TYPES, COMPLAINT_STATUSES]) {
      expect(new Set(list).size).toBe(list.length);
    }
    expect(new Set(DEFAULT_CATEGORIES.map((c) => c.code)).size).toBe(DEFAULT_CATEGORIES.length);
  });

  it('ships default categories with kebab-case codes and labels in both languages', () => {
    for (const category of DEFAULT_CATEGORIES) {
      expect(category.code).toMatch(CATEGORY_CODE_PATTERN);
      expect(category.label.id.trim()).not.toBe('');
      expect(category.label.en.trim()).not.toBe('');
    }
    const codes = DEFAULT_CATEGORIES.map((c) => c.code);
    for (const code of [
      'health',
      'civil-registration',
      'village-funds',
      'illegal-levies',
      'abuse-of-authority',
      'other',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('recognises its own codes only', () => {
    expect(isChannel('sp4n-lapor')).toBe(true);
    expect(isChannel('fax')).toBe(false);
    expect(isChannel(undefined)).toBe(false);
    expect(isPrivacyMode('confidential')).toBe(true);
    expect(isPrivacyMode('Named')).toBe(false);
  });
});
