import type { StateCreator } from 'zustand';
import type { DeviceConfig, Officer } from '../data/device-database';
import type { UnitProfile } from '../../shared/unit/unit-profile';

export type SessionPhase = 'loading' | 'setup' | 'ready' | 'failed';

export type SessionSlice = {
  phase: SessionPhase;
  failure?: string;
  device?: DeviceConfig;
  officer?: Officer;
  unitProfile?: UnitProfile;
  setSession: (session: {
    device: DeviceConfig;
    officer: Officer | undefined;
    unitProfile?: UnitProfile;
  }) => void;
  setUnitProfile: (profile: UnitProfile | undefined) => void;
  setOfficer: (officer: Officer) => void;
  needSetup: () => void;
  fail: (reason: string) => void;
};

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  phase: 'loading',
  setSession: ({ device, officer, unitProfile }) => set({ phase: 'ready', device, officer, unitProfile }),
  setUnitProfile: (unitProfile) => set({ unitProfile }),
  setOfficer: (officer) => set({ officer }),
  needSetup: () => set({ phase: 'setup' }),
  fail: (failure) => set({ phase: 'failed', failure }),
});
