/**
 * The indicators on a fixture whose answers were worked out by hand, the working
 * shown next to each case and each expected number. Unit KBM in WIB with the default settings:
 * verify 3 working days, follow-up 5 working days, resolve 60 calendar days, reply window 10
 * working days with auto-close on. Period: Thu 1 Oct to Thu 31 Dec 2026.
 *
 * Calendar used in the working (2026): 1 Oct is a Thursday, so Mondays are 5, 12, 19, 26 Oct;
 * 2, 9, 16, 23, 30 Nov; 7, 14, 21, 28 Dec. No holiday from September to November. Thu 24 Dec is
 * cuti bersama and Fri 25 Dec is Christmas. 2027 (estimated): Fri 1 Jan and Tue 5 Jan are
 * holidays. "wd" = working days; "+N wd from D" = the N-th working day after D.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, indicatorsComputation, type IndicatorsInput } from './compute-indicators';
import { indicatorRecord, recordDocuments } from './indicator-record';
import { CaseFile, SETTINGS, UNIT, documentsOf, wib } from './indicators.fixtures';
import { indicatorsSchema } from './indicators-types';

const PERIOD = { from: '2026-10-01', to: '2026-12-31' };
const COMPUTED_AT = new Date('2027-01-10T02:00:00.000Z');

function fixture(): CaseFile[] {
  // A: named walk-in, health. Received Thu 1 Oct. Dispatched (verify with office) Fri 2 Oct:
  //    1 wd, due +3 wd = Tue 6 Oct: met. Follow-up Wed 7 Oct, due +5 wd from Fri 2 Oct = Fri 9
  //    Oct: met. Closed Mon 12 Oct: resolve due 2 Oct + 60 = Tue 1 Dec: met; 1 → 12 Oct = 11
  //    days. Rated 5.
  const a = new CaseFile({
    sequence: 1,
    receivedAt: wib('2026-10-01', '09:00'),
    channel: 'walk-in',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'named',
  })
    .verify(wib('2026-10-02'))
    .followUp(wib('2026-10-07'))
    .respond(wib('2026-10-08'))
    .close(wib('2026-10-12', '10:00'))
    .rate(wib('2026-10-12', '11:00'), 5);

  // B: confidential phone, education. Received Fri 9 Oct 15:00. Dispatched Wed 14 Oct: the
  //    weekend is inside the window; wd after Fri 9: Mon 12 (1), Tue 13 (2), Wed 14 (3) = 3 wd,
  //    due Wed 14: met. Follow-up Thu 22 Oct; due +5 wd from Wed 14: Thu 15, Fri 16, Mon 19,
  //    Tue 20, Wed 21 → Wed 21: NOT met. Response Fri 23 Oct, no reply: the reply window is
  //    Mon 26 Oct … Fri 6 Nov (10 wd); the rule closes it on the 11th wd, Mon 9 Nov (autoClosed
  //    `on`). Resolve due 14 Oct + 60 = 13 Dec: met; 9 Oct → 9 Nov = 31 days.
  const b = new CaseFile({
    sequence: 2,
    receivedAt: wib('2026-10-09', '15:00'),
    channel: 'phone',
    category: 'education',
    reportType: 'complaint',
    privacyMode: 'confidential',
  })
    .verify(wib('2026-10-14'), 'Dinas Pendidikan')
    .followUp(wib('2026-10-22'))
    .respond(wib('2026-10-23'));

  // C: named email, licensing, aspiration. Received Mon 19 Oct. Hold Tue 20 Oct until Mon 26
  //    Oct; verified with office Thu 29 Oct (which ends the hold). The hold covers Tue 20 …
  //    Mon 26 (its until-date, before the day of the action): Tue 20, Wed 21, Thu 22, Fri 23,
  //    Mon 26 = 5 wd paused. Wd from Mon 19 to Thu 29: 20, 21, 22, 23, 26, 27, 28, 29 = 8;
  //    8 − 5 = 3 wd; due = +(3 + 5) wd from Mon 19 = Thu 29: met (without the pause: late).
  //    Follow-up Wed 4 Nov; due +5 wd from Thu 29 Oct: Fri 30, Mon 2, Tue 3, Wed 4, Thu 5 →
  //    Thu 5 Nov: met. Response Thu 5 Nov; the complainant replies twice (Mon 9, Tue 10 Nov),
  //    which stops the reply-window rule; closed Tue 10 Nov: 19 Oct → 10 Nov = 22 days; resolve
  //    due 29 Oct + 60 = 28 Dec: met. Rated 4.
  const c = new CaseFile({
    sequence: 3,
    receivedAt: wib('2026-10-19'),
    channel: 'email',
    category: 'licensing',
    reportType: 'aspiration',
    privacyMode: 'named',
  })
    .hold(wib('2026-10-20'), '2026-10-26')
    .verify(wib('2026-10-29'), 'DPMPTSP')
    .followUp(wib('2026-11-04'))
    .respond(wib('2026-11-05'))
    .reply(wib('2026-11-09'))
    .reply(wib('2026-11-10', '08:00'))
    .close(wib('2026-11-10', '14:00'))
    .rate(wib('2026-11-10', '15:00'), 4);

  // D: anonymous WhatsApp, transport. Received Fri 30 Oct 16:00, archived Mon 2 Nov: counted as
  //    received, never verified, not resolved, not in the backlog.
  const d = new CaseFile({
    sequence: 4,
    receivedAt: wib('2026-10-30', '16:00'),
    channel: 'whatsapp-sms',
    category: 'transport',
    reportType: 'complaint',
    privacyMode: 'anonymous',
  }).archive(wib('2026-11-02'));

  // E: named SP4N-LAPOR!, civil registration, information request. Received Mon 2 Nov, forwarded
  //    (not our authority) Tue 3 Nov: received, not verified, not resolved, not in the backlog.
  const e = new CaseFile({
    sequence: 5,
    receivedAt: wib('2026-11-02'),
    channel: 'sp4n-lapor',
    category: 'civil-registration',
    reportType: 'information-request',
    privacyMode: 'named',
  }).forward(wib('2026-11-03'));

  // F: anonymous social media, health. Received 2026-10-31T18:00Z = Sun 1 Nov 01:00 WIB: a
  //    November complaint. Dispatched Wed 4 Nov: Mon 2, Tue 3, Wed 4 = 3 wd: met. Follow-up Wed
  //    11 Nov = exactly +5 wd from Wed 4 (Thu 5, Fri 6, Mon 9, Tue 10, Wed 11): met. The reply
  //    on Fri 13 Nov asks for more (back to verified); second follow-up, response, closed Wed 18
  //    Nov: 1 → 18 Nov = 17 days; due 4 Nov + 60 = 3 Jan: met. A rating on 4 Jan 2027 is after
  //    the period: not counted.
  const f = new CaseFile({
    sequence: 6,
    receivedAt: '2026-10-31T18:00:00.000Z',
    channel: 'social-media',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'anonymous',
  })
    .verify(wib('2026-11-04'))
    .followUp(wib('2026-11-11'))
    .respond(wib('2026-11-12'))
    .reply(wib('2026-11-13'), true)
    .followUp(wib('2026-11-16'))
    .respond(wib('2026-11-17'))
    .close(wib('2026-11-18'))
    .rate(wib('2027-01-04'), 5);

  // G: named walk-in, education, information request. Received Tue 22 Dec. Dispatched Tue 29
  //    Dec: Wed 23 (1), Thu 24 cuti bersama, Fri 25 Christmas, weekend, Mon 28 (2), Tue 29 (3) =
  //    3 wd, due Tue 29: met. Followed up only on Mon 4 Jan 2027 (after the period): not met, and
  //    open at the period's end. Its follow-up is due +5 wd from Tue 29 Dec = in January: not
  //    overdue.
  const g = new CaseFile({
    sequence: 7,
    receivedAt: wib('2026-12-22'),
    channel: 'walk-in',
    category: 'education',
    reportType: 'information-request',
    privacyMode: 'named',
  })
    .verify(wib('2026-12-29'), 'Dinas Pendidikan')
    .followUp(wib('2027-01-04'));

  // H: confidential phone, health. Received Wed 23 Dec; still new at the period's end. Verify due
  //    +3 wd from Wed 23: (24, 25 off, weekend) Mon 28, Tue 29, Wed 30 → Wed 30 Dec; on Thu 31
  //    Dec it is OVERDUE. Verified and its channel corrected on Mon 4 Jan 2027: ignored (still a
  //    phone complaint, still not verified).
  const h = new CaseFile({
    sequence: 8,
    receivedAt: wib('2026-12-23'),
    channel: 'phone',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'confidential',
  })
    .correct(wib('2027-01-04', '09:00'), 'channel', 'whatsapp-sms')
    .verify(wib('2027-01-04', '10:00'));

  // I: named letter, civil registration. Received Mon 16 Nov; dispatched Tue 17 Nov (1 wd: met);
  //    follow-up Mon 23 Nov, due +5 wd from Tue 17 = Tue 24 Nov: met. Responded and closed only
  //    in January 2027: OPEN at the period's end (not resolved), resolve due 17 Nov + 60 =
  //    16 Jan 2027: not overdue.
  const i = new CaseFile({
    sequence: 9,
    receivedAt: wib('2026-11-16'),
    channel: 'letter',
    category: 'civil-registration',
    reportType: 'complaint',
    privacyMode: 'named',
  })
    .verify(wib('2026-11-17'), 'Disdukcapil')
    .followUp(wib('2026-11-23'))
    .respond(wib('2027-01-06'))
    .close(wib('2027-01-07'));

  // L: anonymous complaint box, illegal levies, whistle-blowing. Received Mon 7 Dec, verified
  //    WITHOUT an office Tue 8 Dec, disposed Mon 21 Dec: the dispatch is Mon 21 Dec, 10 wd after
  //    receipt (8, 9, 10, 11, 14, 15, 16, 17, 18, 21): NOT met (due Thu 10 Dec). Follow-up Tue 29
  //    Dec: +5 wd from Mon 21 = Tue 22 (1), Wed 23 (2), 24 and 25 off, Mon 28 (3), Tue 29 (4),
  //    Wed 30 (5) → due Wed 30: met (without the holidays it would be due Mon 28, late).
  //    Response Wed 30 Dec: inside its reply window at the period's end (1 wd elapsed): open,
  //    not overdue. A reply on 4 Jan 2027 is ignored.
  const l = new CaseFile({
    sequence: 10,
    receivedAt: wib('2026-12-07'),
    channel: 'complaint-box',
    category: 'illegal-levies',
    reportType: 'whistle-blowing',
    privacyMode: 'anonymous',
  })
    .verify(wib('2026-12-08'), null)
    .dispose(wib('2026-12-21'), 'Inspektorat')
    .followUp(wib('2026-12-29'))
    .respond(wib('2026-12-30'))
    .reply(wib('2027-01-04'));

  // M: named walk-in, poor service quality. Received Tue 24 Nov; dispatched Thu 26 Nov (2 wd:
  //    met); follow-up Fri 4 Dec, due +5 wd from Thu 26 (27, 30, 1, 2, 3) = Thu 3 Dec: NOT met.
  //    Closed Tue 8 Dec: 24 Nov → 8 Dec = 14 days; due 26 Nov + 60 = 25 Jan: met. Rated 2 on
  //    Tue 8 Dec, then 4 on Wed 9 Dec: the latest rating, 4, counts. Reopened on 4 Jan 2027:
  //    ignored, still resolved.
  const m = new CaseFile({
    sequence: 11,
    receivedAt: wib('2026-11-24'),
    channel: 'walk-in',
    category: 'poor-service-quality',
    reportType: 'complaint',
    privacyMode: 'named',
  })
    .verify(wib('2026-11-26'))
    .followUp(wib('2026-12-04'))
    .respond(wib('2026-12-07'))
    .close(wib('2026-12-08', '10:00'))
    .rate(wib('2026-12-08', '11:00'), 2)
    .rate(wib('2026-12-09'), 4)
    .reopen(wib('2027-01-04'));

  // N: named email, health corrected to officer ethics on Tue 6 Oct. Received Mon 5 Oct 08:00,
  //    dispatched the same day (0 wd: met); follow-up Tue 6 Oct (met). Closed Thu 8 Oct, but
  //    reopened Mon 12 Oct: that close no longer stands (not in October's `closed`). The reply
  //    of Thu 15 Oct asks for more; closed again Mon 7 Dec: the standing resolution. 5 Oct →
  //    7 Dec = 26 + 30 + 7 = 63 days; due 5 Oct + 60 = Fri 4 Dec: resolved but NOT within 60.
  //    Rated 1.
  const n = new CaseFile({
    sequence: 12,
    receivedAt: wib('2026-10-05', '08:00'),
    channel: 'email',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'named',
  })
    .verify(wib('2026-10-05', '11:00'))
    .correct(wib('2026-10-06', '09:00'), 'category', 'officer-ethics')
    .followUp(wib('2026-10-06', '10:00'))
    .respond(wib('2026-10-07'))
    .close(wib('2026-10-08'))
    .reopen(wib('2026-10-12'))
    .followUp(wib('2026-10-13'))
    .respond(wib('2026-10-14'))
    .reply(wib('2026-10-15'), true)
    .followUp(wib('2026-11-30'))
    .respond(wib('2026-12-01'))
    .close(wib('2026-12-07'))
    .rate(wib('2026-12-07', '11:00'), 1);

  // J: received before the period (Mon 21 Sep) and closed inside it (Mon 5 Oct): not received in
  //    the period, but counted in October's `closed`. Its rating is not counted (the complaint
  //    was not received in the period).
  const j = new CaseFile({
    sequence: 13,
    receivedAt: wib('2026-09-21'),
    channel: 'walk-in',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'named',
  })
    .verify(wib('2026-09-22'))
    .followUp(wib('2026-09-23'))
    .respond(wib('2026-09-24'))
    .close(wib('2026-10-05'))
    .rate(wib('2026-10-06'), 2);

  // K: received before the period (Mon 14 Sep), dispatched Tue 15 Sep, never followed up: open at
  //    the period's end and OVERDUE (follow-up due +5 wd from Tue 15 Sep = Tue 22 Sep).
  const k = new CaseFile({
    sequence: 14,
    receivedAt: wib('2026-09-14'),
    channel: 'phone',
    category: 'transport',
    reportType: 'complaint',
    privacyMode: 'named',
  }).verify(wib('2026-09-15'));

  // O: received 2026-12-31T17:30Z = Fri 1 Jan 2027 00:30 WIB: after the period, left out of
  //    everything (also the backlog), although its UTC date is 31 Dec.
  const o = new CaseFile({
    sequence: 15,
    receivedAt: '2026-12-31T17:30:00.000Z',
    channel: 'walk-in',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'named',
  });

  return [a, b, c, d, e, f, g, h, i, l, m, n, j, k, o];
}

const CASES = fixture();

function inputWith(overrides: Partial<IndicatorsInput> = {}): IndicatorsInput {
  return {
    ...documentsOf(CASES),
    unit: UNIT,
    settings: SETTINGS,
    period: PERIOD,
    computedAt: COMPUTED_AT,
    ...overrides,
  };
}

describe('computeIndicators on the hand-worked fixture (Oct–Dec 2026, WIB)', () => {
  const result = computeIndicators(inputWith());

  it('names the period, the unit, the deadlines used, the time of computing and the version', () => {
    expect(result.schemaVersion).toBe(1);
    expect(result.computedAt).toBe('2027-01-10T02:00:00.000Z');
    expect(result.period).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(result.unit).toEqual({ code: 'KBM', name: 'Unit Pengaduan Kota Kebumen' });
    expect(result.deadlines).toEqual({
      timeZone: 'Asia/Jakarta',
      verifyWorkingDays: 3,
      followUpWorkingDays: 5,
      resolveCalendarDays: 60,
      replyWindowWorkingDays: 10,
      autoCloseAfterReplyWindow: true,
    });
  });

  it('counts the complaints received in the period by channel, category and type', () => {
    // Received 1 Oct – 31 Dec (WIB): A B C D E F G H I L M N = 12. Not J, K (September), not O
    // (1 Jan WIB).
    expect(result.totals.received).toBe(12);
    // walk-in A G M; phone B H (H's correction to WhatsApp came after the period); email C N;
    // one each: D whatsapp-sms, E sp4n-lapor, F social-media, I letter, L complaint-box.
    expect(result.totals.byChannel).toEqual({
      'walk-in': 3,
      phone: 2,
      email: 2,
      'whatsapp-sms': 1,
      'sp4n-lapor': 1,
      'social-media': 1,
      letter: 1,
      'complaint-box': 1,
    });
    // health A F H (N was corrected to officer-ethics); education B G; civil-registration E I;
    // one each: C licensing, D transport, L illegal-levies, M poor-service-quality, N ethics.
    expect(result.totals.byCategory).toEqual({
      health: 3,
      education: 2,
      'civil-registration': 2,
      licensing: 1,
      transport: 1,
      'illegal-levies': 1,
      'poor-service-quality': 1,
      'officer-ethics': 1,
    });
    // complaint A B D F H I M N = 8; aspiration C; information-request E G; whistle-blowing L.
    expect(result.totals.byType).toEqual({
      complaint: 8,
      aspiration: 1,
      'information-request': 2,
      'whistle-blowing': 1,
    });
  });

  it('says where the received complaints stand at the period end', () => {
    // resolved A B(rule) C F M N; archived D; forwarded E; open G H I(closed in Jan) L.
    expect(result.outcomes).toEqual({ open: 4, resolved: 6, archived: 1, forwarded: 1 });
  });

  it('counts dispatch within 3 working days, with weekends, holidays and holds', () => {
    // Met: A (1 wd), B (3, weekend inside), C (3 after 5 hold days), F (3), G (3, Christmas
    // inside), I (1), M (2), N (0) = 8. Not met: L (10), D (archived), E (forwarded), H (not
    // verified by the period's end). 8 / 12 = 0.66666… → 0.6667.
    expect(result.verifiedWithin3WorkingDays).toEqual({ count: 8, share: 0.6667 });
    // Dispatched: N 0, A 1, I 1, M 2, B 3, C 3, F 3, G 3, L 10 (n = 9). Median: the 5th = 3.
    // p90: ⌈0.9 × 9⌉ = 9th = 10.
    expect(result.timeToVerifyWorkingDays).toEqual({ median: 3, p90: 10 });
  });

  it('counts follow-up within 5 working days of the first dispatch', () => {
    // Met: A, C, F (exactly on the due day), I, L (holidays inside), N = 6. Not met: B and M
    // (a day late), G (followed up after the period), D, E, H (never dispatched). 6 / 12 = 0.5.
    expect(result.followedUpWithin5WorkingDays).toEqual({ count: 6, share: 0.5 });
  });

  it('counts resolution within 60 days of verification, open at the period end as unresolved', () => {
    // Met: A, B (by the reply-window rule on 9 Nov), C, F, M = 5. N was resolved after 63 days
    // from verification (not met); I closed after the period; G, H, L open; D, E handled, not
    // resolved. 5 / 12 = 0.41666… → 0.4167.
    expect(result.resolvedWithin60Days).toEqual({ count: 5, share: 0.4167 });
    // Days from receipt: A 11, M 14, F 17, C 22, B 31, N 63 (n = 6). Median (17 + 22) / 2 =
    // 19.5. p90: ⌈0.9 × 6⌉ = 6th = 63.
    expect(result.timeToResolveDays).toEqual({ median: 19.5, p90: 63 });
  });

  it('averages the latest rating of each complaint received in the period', () => {
    // A 5, C 4, M 4 (its latest; the 2 before it is replaced), N 1. Not F (rated in 2027), not J
    // (received before the period). (5 + 4 + 4 + 1) / 4 = 3.5.
    expect(result.satisfaction).toEqual({ responses: 4, average: 3.5, byRating: { '1': 1, '4': 2, '5': 1 } });
  });

  it('counts complainant replies up to the period end', () => {
    // C 2 (Mon 9 and Tue 10 Nov), F 1, N 1 = 4 replies from 3 complaints; L's reply is in 2027.
    expect(result.reporterReplies).toEqual({ replies: 4, complaints: 3 });
  });

  it('gives the backlog at the period end, including complaints received before the period', () => {
    // Open on 31 Dec: G, H, I, L (received in the period) and K (September) = 5; J is closed, O
    // is not received yet. Overdue: H (verify due Wed 30 Dec) and K (follow-up due 22 Sep) = 2.
    // G (follow-up due in January), I (resolve due 16 Jan), L (reply window) are not overdue.
    expect(result.backlog).toEqual({ open: 5, overdue: 2 });
  });

  it('gives the monthly trend, with closings of complaints received before the period', () => {
    // Received: Oct A B C D N = 5; Nov E F I M = 4 (F on 1 Nov WIB); Dec G H L = 3.
    // Closed (standing resolution date): Oct J (5 Oct), A (12 Oct) = 2 (N's 8 Oct close was
    // reopened); Nov B (9 Nov, by rule), C (10 Nov), F (18 Nov) = 3; Dec M (8 Dec), N (7 Dec) = 2.
    expect(result.monthly).toEqual([
      { month: '2026-10', received: 5, closed: 2 },
      { month: '2026-11', received: 4, closed: 3 },
      { month: '2026-12', received: 3, closed: 2 },
    ]);
  });

  it('is valid against indicatorsSchema, and survives JSON', () => {
    expect(indicatorsSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('does not depend on the order of documents, and counts a document given twice once', () => {
    const { complaints, events } = documentsOf(CASES);
    const shuffled = computeIndicators(
      inputWith({
        complaints: [...complaints].reverse().concat(complaints.slice(0, 3)),
        events: [...events].reverse().concat(events.slice(0, 10)),
      }),
    );
    expect(shuffled).toEqual(result);
  });
});

describe('computeIndicators: periods', () => {
  it('gives zeros, nulls and empty months for a period with no records', () => {
    const result = computeIndicators(
      inputWith({ complaints: [], events: [], period: { from: '2026-11-15', to: '2027-01-05' } }),
    );
    expect(result.totals).toEqual({ received: 0, byChannel: {}, byCategory: {}, byType: {} });
    expect(result.outcomes).toEqual({ open: 0, resolved: 0, archived: 0, forwarded: 0 });
    for (const key of [
      'verifiedWithin3WorkingDays',
      'followedUpWithin5WorkingDays',
      'resolvedWithin60Days',
    ] as const) {
      expect(result[key]).toEqual({ count: 0, share: 0 });
    }
    expect(result.timeToVerifyWorkingDays).toEqual({ median: null, p90: null });
    expect(result.timeToResolveDays).toEqual({ median: null, p90: null });
    expect(result.satisfaction).toEqual({ responses: 0, average: null, byRating: {} });
    expect(result.reporterReplies).toEqual({ replies: 0, complaints: 0 });
    expect(result.backlog).toEqual({ open: 0, overdue: 0 });
    // Partial months at both ends are listed, across the new year.
    expect(result.monthly).toEqual([
      { month: '2026-11', received: 0, closed: 0 },
      { month: '2026-12', received: 0, closed: 0 },
      { month: '2027-01', received: 0, closed: 0 },
    ]);
    expect(indicatorsSchema.safeParse(result).success).toBe(true);
  });

  it('cuts the period at the end of the last local day, not the UTC day', () => {
    // Period = October only. F (2026-10-31T18:00Z) is 1 Nov in WIB: not received in October.
    // October: A B C D N = 5. The state is as at 31 Oct: B's response (23 Oct) is inside its
    // reply window (Mon 26 – Fri 30 Oct = 5 wd), so B is open; C is verified (29 Oct) and open.
    const october = computeIndicators(inputWith({ period: { from: '2026-10-01', to: '2026-10-31' } }));
    expect(october.totals.received).toBe(5);
    expect(october.monthly).toEqual([{ month: '2026-10', received: 5, closed: 2 }]);
    // Open on 31 Oct: B, C, N (reopened 12 Oct) and K; D is archived only on 2 Nov: open too.
    // Overdue: K (follow-up due 22 Sep); N's resolve is due 4 Dec, C's follow-up 5 Nov, D's
    // verify +3 wd from Fri 30 Oct = Wed 4 Nov: none of those.
    expect(october.backlog).toEqual({ open: 5, overdue: 1 });
    // A one-day period, Sun 1 Nov: F is the only complaint received that local day.
    const firstOfNovember = computeIndicators(
      inputWith({ period: { from: '2026-11-01', to: '2026-11-01' } }),
    );
    expect(firstOfNovember.totals).toEqual({
      received: 1,
      byChannel: { 'social-media': 1 },
      byCategory: { health: 1 },
      byType: { complaint: 1 },
    });
  });

  it('reads the time zone from the settings', () => {
    // A complaint received at 2026-10-31T15:30Z is 31 Oct in WIB (22:30) but 1 Nov in WIT
    // (UTC+9, 00:30): in October for a unit in Jakarta, not for one in Jayapura.
    const late = new CaseFile({
      sequence: 40,
      receivedAt: '2026-10-31T15:30:00.000Z',
      channel: 'walk-in',
      category: 'health',
      reportType: 'complaint',
      privacyMode: 'named',
    });
    const inZone = (timeZone: 'Asia/Jakarta' | 'Asia/Jayapura') =>
      computeIndicators({
        ...documentsOf([late]),
        unit: UNIT,
        settings: { ...SETTINGS, timeZone },
        period: { from: '2026-10-01', to: '2026-10-31' },
        computedAt: COMPUTED_AT,
      }).totals.received;
    expect(inZone('Asia/Jakarta')).toBe(1);
    expect(inZone('Asia/Jayapura')).toBe(0);
  });

  it('refuses a period that is not two real dates in order', () => {
    expect(() => computeIndicators(inputWith({ period: { from: '2026-12-31', to: '2026-10-01' } }))).toThrow(
      RangeError,
    );
    expect(() => computeIndicators(inputWith({ period: { from: '2026-02-30', to: '2026-03-01' } }))).toThrow(
      RangeError,
    );
  });
});

describe('computeIndicators: the unit settings decide the clocks', () => {
  it('uses the unit deadlines and names them in the file', () => {
    // With verify = 2 wd: B (3) and C (3) and F (3) and G (3) miss it: A I M N = 4 of 12.
    // With follow-up = 6 wd: B (Thu 22 Oct = +6 wd from Wed 14) and M (Fri 4 Dec = +6 from Thu
    // 26 Nov) meet it as well: 6 + 2 = 8.
    const result = computeIndicators(
      inputWith({
        settings: {
          ...SETTINGS,
          deadlines: { ...SETTINGS.deadlines, verifyWorkingDays: 2, followUpWorkingDays: 6 },
        },
      }),
    );
    expect(result.deadlines.verifyWorkingDays).toBe(2);
    expect(result.deadlines.followUpWorkingDays).toBe(6);
    expect(result.verifiedWithin3WorkingDays).toEqual({ count: 4, share: 0.3333 });
    expect(result.followedUpWithin5WorkingDays).toEqual({ count: 8, share: 0.6667 });
  });

  it('does not resolve by the reply-window rule when the unit turned it off', () => {
    // B is then still answered (open) at the period's end: resolved 5 − 1 = 4 within 60 days,
    // Nov closed 3 − 1 = 2. Its resolve clock (14 Oct + 60 = 13 Dec) has run out: overdue.
    const result = computeIndicators(
      inputWith({
        settings: { ...SETTINGS, rules: { ...SETTINGS.rules, autoCloseAfterReplyWindow: false } },
      }),
    );
    expect(result.deadlines.autoCloseAfterReplyWindow).toBe(false);
    expect(result.resolvedWithin60Days).toEqual({ count: 4, share: 0.3333 });
    expect(result.outcomes).toEqual({ open: 5, resolved: 5, archived: 1, forwarded: 1 });
    expect(result.monthly[1]).toEqual({ month: '2026-11', received: 4, closed: 2 });
    expect(result.backlog).toEqual({ open: 6, overdue: 3 });
    // Days to resolve without B (31): 11, 14, 17, 22, 63: median 17, p90 ⌈4.5⌉ = 5th = 63.
    expect(result.timeToResolveDays).toEqual({ median: 17, p90: 63 });
  });

  it('counts a working day the unit removed from its holidays', () => {
    // Without any holiday, G's dispatch on Tue 29 Dec is 5 wd after Tue 22 (23, 24, 25, 28, 29):
    // late; L's follow-up on Tue 29 Dec is +6 wd from Mon 21: late; H's verify was due Mon 28
    // (24, 25, 28) — still overdue.
    const result = computeIndicators(inputWith({ settings: { ...SETTINGS, holidays: {} } }));
    expect(result.verifiedWithin3WorkingDays.count).toBe(7);
    expect(result.followedUpWithin5WorkingDays.count).toBe(5);
    expect(result.backlog).toEqual({ open: 5, overdue: 2 });
  });
});

describe('computeIndicators at scale', () => {
  it('adds up 700 copies of the fixture (10,500 complaints) to 700 times each count', () => {
    // Each copy is the fixture's complaints and events under new ids: every count is 700 times
    // the fixture's, every share, median and percentile the same. (Linear by construction: events
    // are grouped by complaint in one pass; no timing is asserted here.)
    const { complaints, events } = documentsOf(CASES);
    const copies = 700;
    const bigComplaints = [];
    const bigEvents = [];
    for (let copy = 0; copy < copies; copy += 1) {
      for (const complaint of complaints)
        bigComplaints.push({ ...complaint, _id: `${complaint._id}#${copy}` });
      for (const event of events) {
        bigEvents.push({
          ...event,
          _id: `${event._id}#${copy}`,
          complaintId: `${event.complaintId}#${copy}`,
        });
      }
    }
    expect(bigComplaints.length).toBe(10_500);
    const big = computeIndicators(inputWith({ complaints: bigComplaints, events: bigEvents }));
    const small = computeIndicators(inputWith());
    const times = (record: Readonly<Record<string, number>>) =>
      Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value * copies]));
    expect(big.totals).toEqual({
      received: small.totals.received * copies,
      byChannel: times(small.totals.byChannel),
      byCategory: times(small.totals.byCategory),
      byType: times(small.totals.byType),
    });
    expect(big.outcomes).toEqual(times(small.outcomes));
    expect(big.verifiedWithin3WorkingDays).toEqual({ count: 8 * copies, share: 0.6667 });
    expect(big.followedUpWithin5WorkingDays).toEqual({ count: 6 * copies, share: 0.5 });
    expect(big.resolvedWithin60Days).toEqual({ count: 5 * copies, share: 0.4167 });
    expect(big.timeToVerifyWorkingDays).toEqual(small.timeToVerifyWorkingDays);
    // With many copies the median of 11, 14, 17, 22, 31, 63 (each 700 times) is (17 + 22) / 2.
    expect(big.timeToResolveDays).toEqual(small.timeToResolveDays);
    expect(big.satisfaction).toEqual({
      ...small.satisfaction,
      responses: 4 * copies,
      byRating: times(small.satisfaction.byRating),
    });
    expect(big.reporterReplies).toEqual(times(small.reporterReplies));
    expect(big.backlog).toEqual(times(small.backlog));
    expect(big.monthly).toEqual(
      small.monthly.map((row) => ({ ...row, received: row.received * copies, closed: row.closed * copies })),
    );
  });
});

describe('computeIndicators: holds and offline conflicts', () => {
  const december = (files: readonly CaseFile[]) =>
    computeIndicators({
      ...documentsOf(files),
      unit: UNIT,
      settings: SETTINGS,
      period: { from: '2026-12-01', to: '2026-12-31' },
      computedAt: COMPUTED_AT,
    });
  const spec = {
    receivedAt: wib('2026-12-14'),
    channel: 'walk-in',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'named',
  } as const;

  it('keeps a complaint on hold at the period end open but not overdue: its clock is paused', () => {
    // Received Mon 14 Dec. Without a hold its verify is due Thu 17 Dec: overdue on 31 Dec.
    expect(december([new CaseFile({ ...spec, sequence: 50 })]).backlog).toEqual({ open: 1, overdue: 1 });
    // Held from Tue 15 Dec until 15 Jan 2027: on 31 Dec the hold has paused 15–31 Dec less 24
    // and 25 Dec and the weekends = 11 wd; due = +(3 + 11) wd from Mon 14 Dec = in January.
    const held = new CaseFile({ ...spec, sequence: 51 }).hold(wib('2026-12-15'), '2027-01-15');
    const result = december([held]);
    expect(result.backlog).toEqual({ open: 1, overdue: 0 });
    expect(result.outcomes).toEqual({ open: 1, resolved: 0, archived: 0, forwarded: 0 });
    expect(result.verifiedWithin3WorkingDays).toEqual({ count: 0, share: 0 });
    expect(result.timeToVerifyWorkingDays).toEqual({ median: null, p90: null });
  });

  it('does not count a verification the reducer refused (archived meanwhile on another device)', () => {
    // One device archives on Tue 15 Dec 09:00; another, not yet synced, verifies at 10:00 from
    // the state it saw (new). Replayed in time order, the archive applies and the verify is
    // refused: archived, never dispatched.
    const file = new CaseFile({ ...spec, sequence: 52 });
    const seenAsNew = file.state;
    file.archive(wib('2026-12-15', '09:00')).actSeeing(seenAsNew, 'verify', wib('2026-12-15', '10:00'), {
      dispositionOffice: 'Dinas Kesehatan',
      note: '',
    });
    expect(file.state.trail.map((entry) => [entry.kind, entry.applied])).toEqual([
      ['received', true],
      ['archive', true],
      ['verify', false],
    ]);
    const result = december([file]);
    expect(result.outcomes).toEqual({ open: 0, resolved: 0, archived: 1, forwarded: 0 });
    expect(result.verifiedWithin3WorkingDays).toEqual({ count: 0, share: 0 });
    expect(result.timeToVerifyWorkingDays).toEqual({ median: null, p90: null });
    expect(result.backlog).toEqual({ open: 0, overdue: 0 });
  });

  it('counts an archived complaint reopened and then dispatched from its receipt', () => {
    // Received Mon 14 Dec, archived Tue 15, reopened Wed 16, verified with office Fri 18 Dec:
    // 4 wd after receipt (15, 16, 17, 18): not met (due Thu 17); the archive does not pause it.
    const file = new CaseFile({ ...spec, sequence: 53 })
      .archive(wib('2026-12-15'))
      .reopen(wib('2026-12-16'))
      .verify(wib('2026-12-18'));
    const result = december([file]);
    expect(result.verifiedWithin3WorkingDays).toEqual({ count: 0, share: 0 });
    expect(result.timeToVerifyWorkingDays).toEqual({ median: 4, p90: 4 });
    expect(result.outcomes.open).toBe(1);
  });
});

describe('computeIndicators over indicator records (what Beranda reads)', () => {
  /** The fixture plus corrections of the long text fields (a valid one, and one to the same title). */
  const withCorrections = (): CaseFile[] => [
    ...fixture(),
    new CaseFile({
      sequence: 60,
      receivedAt: wib('2026-11-02'),
      channel: 'email',
      category: 'health',
      reportType: 'complaint',
      privacyMode: 'anonymous',
    })
      .correct(wib('2026-11-02', '11:00'), 'title', 'Judul yang benar')
      .correct(wib('2026-11-02', '12:00'), 'chronology', 'Kronologi yang lebih lengkap.')
      .correct(wib('2026-11-02', '13:00'), 'location', 'Jl. Pemuda 3')
      .verify(wib('2026-11-03'))
      .followUp(wib('2026-11-05'))
      .respond(wib('2026-11-10'))
      .close(wib('2026-11-20')),
  ];

  /** The same figures computed one record at a time, as the dashboard feeds them. */
  const fromRecords = (files: readonly CaseFile[], period: { from: string; to: string }) => {
    const computation = indicatorsComputation({
      unit: UNIT,
      settings: SETTINGS,
      period,
      computedAt: COMPUTED_AT,
    });
    for (const file of files) {
      // Through structured cloning, as IndexedDB stores and gives back the row.
      const { complaint, events } = recordDocuments(
        structuredClone(indicatorRecord(file.complaint, file.events)),
      );
      computation.add(complaint, events);
    }
    return computation.result();
  };

  it('gives exactly the figures of the full documents, at every period end', () => {
    const files = withCorrections();
    const periods = [
      PERIOD,
      { from: '2026-10-01', to: '2026-10-15' },
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-12-01', to: '2027-01-31' },
    ];
    for (const period of periods) {
      const full = computeIndicators({ ...inputWith({ period }), ...documentsOf(files) });
      expect(JSON.stringify(fromRecords(files, period), null, 2)).toBe(JSON.stringify(full, null, 2));
    }
  });

  it('keeps no free text: chronology, notes, summaries and reasons are left out', () => {
    const [file] = withCorrections().slice(-1);
    if (!file) throw new Error('no case');
    const record = indicatorRecord(file.complaint, file.events);
    const text = JSON.stringify(record);
    for (const words of [
      'Layanan tidak sesuai prosedur',
      'Judul yang benar',
      'Kronologi',
      'Salah catat',
      'Selesai ditangani',
    ]) {
      expect(text).not.toContain(words);
    }
    expect(record.events).toHaveLength(file.events.length);
    expect(record.receivedAt).toBe(file.complaint.receivedAt);
    // Put back, each event has its complaint's fields again.
    expect(recordDocuments(record).events.map((event) => [event.complaintId, event.unitCode])).toEqual(
      file.events.map((event) => [event.complaintId, event.unitCode]),
    );
  });

  it('leaves out the events of other complaints', () => {
    const [first, second] = fixture();
    if (!first || !second) throw new Error('no cases');
    const record = indicatorRecord(first.complaint, [...first.events, ...second.events]);
    expect(record.events.map((event) => event._id)).toEqual(first.events.map((event) => event._id));
  });
});
