/**
 * The packet draft's schema: an empty draft and the fixture's filled one are valid; the limits
 * (five cases, unique evidence ids, total evidence size, period order) are enforced.
 */
import { describe, expect, it } from 'vitest';
import { PERIOD, PROFILE, packetFixture } from './packet.fixtures';
import {
  EVIDENCE_FILE_MAX_BYTES,
  defaultCategory,
  emptyPacketDraft,
  evidenceWithOwners,
  packetDraftSchema,
} from './packet-types';

describe('packetDraftSchema', () => {
  it('accepts an empty draft and the filled fixture draft', () => {
    expect(packetDraftSchema.safeParse(emptyPacketDraft(PROFILE, 2026, PERIOD)).success).toBe(true);
    expect(packetDraftSchema.safeParse(packetFixture().draft).success).toBe(true);
  });

  it('refuses a sixth example case, repeated evidence ids, too much evidence and a reversed period', () => {
    const draft = packetFixture().draft;
    const refuse = (changed: unknown): void =>
      expect(packetDraftSchema.safeParse(changed).success).toBe(false);
    refuse({ ...draft, exampleCases: Array.from({ length: 6 }, () => ({ title: 'a', text: 'b' })) });
    const ref = draft.sections['leadership-commitment'].evidence[0];
    refuse({ ...draft, sections: { ...draft.sections, innovation: { narrative: '', evidence: [ref] } } });
    const big = Array.from({ length: 11 }, (_, index) => ({
      id: `big-${index}`,
      name: `besar-${index}.pdf`,
      mimeType: 'application/pdf',
      size: EVIDENCE_FILE_MAX_BYTES,
    }));
    refuse({ ...draft, sections: { ...draft.sections, innovation: { narrative: '', evidence: big } } });
    refuse({ ...draft, period: { from: '2026-06-30', to: '2026-01-01' } });
    refuse({ ...draft, sections: { ...draft.sections, extra: { narrative: '', evidence: [] } } });
  });
});

describe('draft helpers', () => {
  it('defaults a service unit to UPP and others to IP Umum', () => {
    expect(defaultCategory('service-unit')).toBe('upp');
    expect(defaultCategory('regency')).toBe('ip-umum');
  });

  it('lists evidence with its owner in packet order, the recommendation letter last', () => {
    const draft = packetFixture().draft;
    const letter = { id: 'rec', name: 'rekomendasi.pdf', mimeType: 'application/pdf' as const, size: 10 };
    const owners = evidenceWithOwners({ ...draft, parentRecommendation: letter }).map((entry) => entry.owner);
    expect(owners).toEqual(['leadership-commitment', 'infrastructure-and-channels', 'parent-recommendation']);
  });
});
