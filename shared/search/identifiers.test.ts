import { describe, expect, it } from 'vitest';
import {
  canonicalPhone,
  digitRuns,
  foldReference,
  nikTerms,
  phoneQueries,
  phoneTerms,
  referenceTerms,
} from './identifiers';

describe('numbers people search by', () => {
  it('writes every common phone notation as one national digit string', () => {
    for (const phone of [
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '(0812) 3456.7890',
      '+62-812-3456-7890',
    ]) {
      expect(canonicalPhone(phone)).toBe('081234567890');
    }
  });

  it('finds any 4+ digit fragment of a phone as a prefix of one of its indexed suffixes', () => {
    const terms = phoneTerms('+62 812 3456 7890');
    const found = (typed: string): boolean =>
      digitRuns(typed).some((run) =>
        phoneQueries(run).some((query) => terms.some((term) => term.startsWith(query))),
      );
    expect(found('0812-3456-7890')).toBe(true);
    expect(found('+62 812 3456 7890')).toBe(true);
    expect(found('6281234567890')).toBe(true);
    expect(found('3456 78')).toBe(true);
    expect(found('7890')).toBe(true);
    expect(found('3457')).toBe(false);
    expect(phoneQueries('812')).toEqual([]);
  });

  it('indexes NIK fragments of 6+ digits', () => {
    const terms = nikTerms('3305 1234 5678 0001');
    expect(terms[0]).toBe('3305123456780001');
    expect(terms.some((term) => term.startsWith('345678'))).toBe(true);
    expect(terms.every((term) => term.length >= 6)).toBe(true);
  });

  it('folds tracking numbers (case, dashes) and indexes their fragments', () => {
    expect(foldReference('KTB-260302-A2C-0001')).toBe('ktb260302a2c0001');
    const terms = referenceTerms('KTB-260302-A2C-0001');
    for (const fragment of ['ktb2603', '260302a2c', 'a2c0001', '0001']) {
      expect(terms.some((term) => term.startsWith(foldReference(fragment)))).toBe(true);
    }
  });

  it('joins digits separated by spaces, dashes, dots and brackets into one run', () => {
    expect(digitRuns('hubungi 0812-3456 78 atau 021 (555)')).toEqual(['0812345678', '021555']);
  });
});
