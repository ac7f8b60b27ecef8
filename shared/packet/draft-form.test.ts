import { describe, expect, it } from 'vitest';
import { unitProfileDoc } from '../couch/documents.fixtures';
import { emptyPacketDraft } from './packet-types';
import { checkDraft, periodOf, textsOf } from './draft-form';

const draft = emptyPacketDraft(unitProfileDoc('KTB'), 2026, { from: '2026-01-01', to: '2026-06-30' });

describe('the packet editor form', () => {
  it('shows the stored dates day first and empty numbers as blanks', () => {
    expect(textsOf(draft)).toEqual({
      from: '01/01/2026',
      to: '30/06/2026',
      decreeDate: '',
      staffCount: '',
      staffTrained: '',
    });
  });

  it('reads typed dates and numbers into the draft', () => {
    const texts = {
      from: '1/2/2026',
      to: '31072026',
      decreeDate: '5/1/2026',
      staffCount: '12',
      staffTrained: '8',
    };
    expect(periodOf(texts)).toEqual({ from: '2026-02-01', to: '2026-07-31' });
    const checked = checkDraft(draft, texts);
    expect(checked.ok && checked.draft.period).toEqual({ from: '2026-02-01', to: '2026-07-31' });
    expect(checked.ok && checked.draft.profile.team.decreeDate).toBe('2026-01-05');
    expect(checked.ok && checked.draft.profile.staff).toMatchObject({ count: 12, trained: 8 });
  });

  it('names every field with a problem', () => {
    const texts = {
      from: '31/02/2026',
      to: '1/1/2026',
      decreeDate: 'kemarin',
      staffCount: 'dua',
      staffTrained: '3',
    };
    expect(checkDraft(draft, texts)).toEqual({
      ok: false,
      errors: {
        'period.from': 'date',
        'profile.team.decreeDate': 'date',
        'profile.staff.count': 'number',
      },
    });
    const order = checkDraft(draft, {
      ...textsOf(draft),
      from: '2/7/2026',
      staffCount: '2',
      staffTrained: '3',
    });
    expect(order).toEqual({
      ok: false,
      errors: { 'period.to': 'periodOrder', 'profile.staff.trained': 'trainedOverCount' },
    });
    expect(periodOf({ from: '2/7/2026', to: '1/7/2026' })).toBeNull();
  });

  it('reports schema problems by path, e.g. an example case without a title', () => {
    const withCase = { ...draft, exampleCases: [{ title: '', text: 'Teks' }] };
    expect(checkDraft(withCase, textsOf(draft))).toEqual({
      ok: false,
      errors: { 'exampleCases.0.title': 'required' },
    });
  });
});
