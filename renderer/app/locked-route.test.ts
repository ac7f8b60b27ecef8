// @vitest-environment happy-dom
/**
 * The address while the desk is locked: it becomes Beranda's (`#/`) as the desk locks, so nothing
 * of the complaint open (its id, the receipt's route, a search) stays in the URL; the officer who
 * locked it returns to it after opening the desk; anyone else, or the same officer after "Ganti
 * petugas", starts at Beranda.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientCore, Officer } from '../core/client-core';
import { fakeCore } from './fake-core.fixtures';
import { followLockedRoute } from './locked-route';

const DEVICE = { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' };
const BUDI: Officer = { id: 'o-budi', name: 'Budi', role: 'officer', createdAt: DEVICE.createdAt };
const WATI: Officer = { id: 'o-wati', name: 'Wati', role: 'supervisor', createdAt: DEVICE.createdAt };
const RECEIPT = '#/pengaduan/complaint%3AKBM-260302-X7Q-0001/tanda-terima?q=budi';

let unfollow: () => void = () => undefined;

function deskAt(hash: string): ClientCore {
  history.replaceState(null, '', new URL(hash, location.href).href);
  const core = fakeCore();
  core.store.getState().openDesk({ device: DEVICE, officer: BUDI });
  unfollow = followLockedRoute(core.store);
  return core;
}

const lock = (core: ClientCore): void =>
  core.store.getState().chooseOfficer({ device: DEVICE, lockedBy: BUDI.id });

beforeEach(() => {
  history.replaceState(null, '', new URL('#/', location.href).href);
});
afterEach(() => {
  unfollow();
});

describe('followLockedRoute', () => {
  it('hides the address as the desk locks and gives it back to the officer who opens it', () => {
    const core = deskAt(RECEIPT);
    lock(core);
    expect(location.hash).toBe('#/');
    core.store.getState().setOfficer(BUDI);
    expect(location.hash).toBe(RECEIPT);
  });

  it('starts another officer at Beranda', () => {
    const core = deskAt(RECEIPT);
    lock(core);
    core.store.getState().setOfficer(WATI);
    expect(location.hash).toBe('#/');
  });

  it('starts the same officer at Beranda after "Ganti petugas" on the lock screen', () => {
    const core = deskAt(RECEIPT);
    lock(core);
    core.store.getState().chooseOfficer({ device: DEVICE });
    core.store.getState().setOfficer(BUDI);
    expect(location.hash).toBe('#/');
  });

  it('leaves the address alone for "Ganti petugas" from the open desk', () => {
    const core = deskAt('#/pengaduan');
    core.store.getState().chooseOfficer({ device: DEVICE });
    expect(location.hash).toBe('#/pengaduan');
  });
});
