import { describe, expect, it } from 'vitest';
import {
  editDistance,
  foldText,
  matchedRanges,
  queryWords,
  stem,
  termsOfWord,
  textTerms,
  wordMatches,
  words,
} from './indonesian-text';

describe('Indonesian text for search', () => {
  it('folds case and diacritics, precomposed or decomposed', () => {
    expect(foldText('YOGYAKARTA')).toBe('yogyakarta');
    expect(foldText('Yogyakártà')).toBe('yogyakarta');
    expect(foldText('Yogyaka\u0301rta')).toBe('yogyakarta');
    expect(words('Yogyaka\u0301rta, Jl. Malioboro').map((found) => found.word)).toEqual([
      'yogyakarta',
      'jl',
      'malioboro',
    ]);
  });

  it('stems affixed forms to one root with the Snowball Indonesian stemmer', () => {
    expect(['pungutan', 'memungut', 'dipungut', 'pungut'].map(stem)).toEqual([
      'pungut',
      'pungut',
      'pungut',
      'pungut',
    ]);
    expect(stem('pelayanan')).toBe(stem('layanan'));
    expect(stem('perizinan')).toBe('izin');
    expect(stem('kerusakan')).toBe('rusak');
    expect(stem('jalan')).toBe('jalan');
  });

  it('indexes the word and its stem, and leaves stop words out', () => {
    expect(termsOfWord('pungutan')).toEqual(['pungutan', 'pungut']);
    expect(termsOfWord('jalan')).toEqual(['jalan']);
    expect(termsOfWord('yang')).toEqual([]);
    // Place names get stemmed too ("ke-" read as a prefix): harmless, the query is stemmed alike.
    expect(textTerms('Kerusakan jalan di Kebumen')).toEqual([
      'kerusakan',
      'rusak',
      'jalan',
      'kebumen',
      'bumen',
    ]);
    expect(textTerms('Kerusakan jalan di Kebumén')).toEqual(textTerms('kerusakan JALAN di kebumen'));
  });

  it('reads a query: stop words out, the last word a prefix while typed, one typo from 5 letters', () => {
    expect(queryWords('pungutan di loket')).toEqual([
      { word: 'pungutan', stem: 'pungut', prefix: false, typos: 1 },
      { word: 'loket', stem: '', prefix: true, typos: 1 },
    ]);
    expect(queryWords('loket ')[0]?.prefix).toBe(false);
    expect(queryWords('di')).toEqual([{ word: 'di', stem: '', prefix: true, typos: 0 }]);
    expect(queryWords('jalan')[0]?.typos).toBe(1);
    expect(queryWords('izin')[0]?.typos).toBe(0);
  });

  it('matches affixes, prefixes as typed, and one typo', () => {
    const [pungut] = queryWords('pungut ');
    if (!pungut) throw new Error('no word');
    expect(['pungutan', 'memungut', 'dipungut'].every((word) => wordMatches(word, pungut))).toBe(true);
    const [typing] = queryWords('pungu');
    if (!typing) throw new Error('no word');
    expect(wordMatches('pungutan', typing)).toBe(true);
    const [typo] = queryWords('pungtan ');
    if (!typo) throw new Error('no word');
    expect(wordMatches('pungutan', typo)).toBe(true);
    expect(wordMatches('pungli', typo)).toBe(false);
    expect(editDistance('pungtan', 'pungutan', 1)).toBe(1);
    expect(editDistance('layanan', 'pungutan', 1)).toBe(2);
  });

  it('gives the places of matched words in the text as written', () => {
    const text = 'Pungutan liar di Yogyakártà';
    expect(matchedRanges(text, queryWords('pungut yogyakarta '))).toEqual([
      [0, 8],
      [17, 27],
    ]);
  });
});
