import type { StateCreator } from 'zustand';
import type { DeviceConfig, Officer } from '../data/device-database';
import type { UnitProfile } from '../../../shared/unit/unit-profile';
import type { UnitOfficesDoc, UnitSettingsDoc } from '../../../shared/unit/unit-settings';

export type SessionPhase = 'loading' | 'setup' | 'choose-officer' | 'ready' | 'failed';

export type SessionSlice = {
  phase: SessionPhase;
  failure?: string;
  device?: DeviceConfig;
  officer?: Officer;
  unitProfile?: UnitProfile;
  /** Deadlines, rules and holidays of the unit (a synced document). */
  unitSettings?: UnitSettingsDoc;
  /** The offices complaints are disposed to (a synced document). */
  unitOffices?: UnitOfficesDoc;
  setUnitDocs: (docs: { unitSettings?: UnitSettingsDoc; unitOffices?: UnitOfficesDoc }) => void;
  setSession: (session: {
    device: DeviceConfig;
    officer: Officer | undefined;
    unitProfile?: UnitProfile;
  }) => void;
  setUnitProfile: (profile: UnitProfile | undefined) => void;
  setOfficer: (officer: Officer) => void;
  /** A device shared by several officers asks who is at the desk before anything else. */
  chooseOfficer: (session: { device: DeviceConfig; unitProfile?: UnitProfile }) => void;
  needSetup: () => void;
  fail: (reason: string) => void;
};

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  phase: 'loading',
  setSession: ({ device, officer, unitProfile }) => set({ phase: 'ready', device, officer, unitProfile }),
  setUnitProfile: (unitProfile) => set({ unitProfile }),
  setUnitDocs: (docs) => set(docs),
  setOfficer: (officer) => set({ officer, phase: 'ready' }),
  chooseOfficer: ({ device, unitProfile }) => set({ phase: 'choose-officer', device, unitProfile }),
  needSetup: () => set({ phase: 'setup' }),
  fail: (failure) => set({ phase: 'failed', failure }),
});
