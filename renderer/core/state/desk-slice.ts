/**
 * Who and where: this device, the officer at the desk, the unit's synced documents, and how far
 * the app has started (the phase decides what the root component shows).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DeviceConfig, Officer } from '../data/device-database';
import type { UnitProfile } from '../../../shared/unit/unit-profile';
import type { UnitOfficesDoc, UnitSettingsDoc } from '../../../shared/unit/unit-settings';

export type AppPhase = 'loading' | 'setup' | 'choose-officer' | 'ready' | 'failed';

export type DeskSlice = {
  phase: AppPhase;
  failure?: string;
  device?: DeviceConfig;
  officer?: Officer;
  unitProfile?: UnitProfile;
  /** Deadlines, rules and holidays of the unit (a synced document). */
  unitSettings?: UnitSettingsDoc;
  /** The offices complaints are disposed to (a synced document). */
  unitOffices?: UnitOfficesDoc;
  setUnitDocs: (docs: { unitSettings?: UnitSettingsDoc; unitOffices?: UnitOfficesDoc }) => void;
  openDesk: (desk: { device: DeviceConfig; officer: Officer | undefined; unitProfile?: UnitProfile }) => void;
  setUnitProfile: (profile: UnitProfile | undefined) => void;
  setOfficer: (officer: Officer) => void;
  /** A device shared by several officers asks who is at the desk before anything else. */
  chooseOfficer: (desk: { device: DeviceConfig; unitProfile?: UnitProfile }) => void;
  needSetup: () => void;
  fail: (reason: string) => void;
};

export const createDeskSlice: StateCreator<DeskSlice, [], [], DeskSlice> = (set) => ({
  phase: 'loading',
  openDesk: ({ device, officer, unitProfile }) => set({ phase: 'ready', device, officer, unitProfile }),
  setUnitProfile: (unitProfile) => set({ unitProfile }),
  setUnitDocs: (docs) => set(docs),
  setOfficer: (officer) => set({ officer, phase: 'ready' }),
  chooseOfficer: ({ device, unitProfile }) => set({ phase: 'choose-officer', device, unitProfile }),
  needSetup: () => set({ phase: 'setup' }),
  fail: (failure) => set({ phase: 'failed', failure }),
});
