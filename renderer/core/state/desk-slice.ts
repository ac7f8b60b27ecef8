/**
 * Who and where: this device, the officer at the desk, the unit's synced documents, and how far
 * the app has started (the phase decides what the root component shows).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DeviceConfig, Officer } from '../data/device-database';
import type { DeviceMark } from '../data/device-mark';
import type { UnitProfile } from '../../../shared/unit/unit-profile';
import type { UnitOfficesDoc, UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { NationalCalendarDoc } from '../../../shared/calendar/national-calendar';

/**
 * `choose-officer`: the sign-in screen (at start-up, after "Ganti petugas", when the desk locked);
 * `change-secret`: the signed-in officer must replace the first PIN a manager set before anything else.
 */
export type AppPhase = 'loading' | 'setup' | 'choose-officer' | 'change-secret' | 'ready' | 'failed';

export type DeskSlice = {
  phase: AppPhase;
  failure?: string;
  device?: DeviceConfig;
  officer?: Officer;
  /** The officer whose session was locked (the sign-in screen offers them first). */
  lockedBy?: string;
  unitProfile?: UnitProfile;
  /**
   * Setup asked on a device that was set up before (../data/device-mark): the browser deleted its
   * storage. What it held, for the setup screen to say.
   */
  lostDevice?: DeviceMark;
  /** Deadlines, rules and holidays of the unit (a synced document). */
  unitSettings?: UnitSettingsDoc;
  /** The offices complaints are disposed to (a synced document). */
  unitOffices?: UnitOfficesDoc;
  /**
   * The central's national calendars (`calendar:national:<year>`, synced documents written by
   * `central calendar import`): with the settings' holidays, what deadlines count with.
   */
  nationalCalendars?: readonly NationalCalendarDoc[];
  setUnitDocs: (docs: {
    unitSettings?: UnitSettingsDoc;
    unitOffices?: UnitOfficesDoc;
    nationalCalendars?: readonly NationalCalendarDoc[];
  }) => void;
  openDesk: (desk: { device: DeviceConfig; officer: Officer | undefined; unitProfile?: UnitProfile }) => void;
  setUnitProfile: (profile: UnitProfile | undefined) => void;
  setOfficer: (officer: Officer) => void;
  /** The sign-in screen: nobody is at the desk (the officer's session ends; `lockedBy` when the desk locked). */
  chooseOfficer: (desk: {
    device: DeviceConfig;
    unitProfile?: UnitProfile;
    lockedBy?: string | undefined;
  }) => void;
  /** Signed in with a first PIN a manager set: the officer sets their own before the desk opens. */
  mustChangeSecret: (officer: Officer) => void;
  needSetup: (lostDevice?: DeviceMark) => void;
  fail: (reason: string) => void;
};

export const createDeskSlice: StateCreator<DeskSlice, [], [], DeskSlice> = (set) => ({
  phase: 'loading',
  openDesk: ({ device, officer, unitProfile }) => set({ phase: 'ready', device, officer, unitProfile }),
  setUnitProfile: (unitProfile) => set({ unitProfile }),
  setUnitDocs: (docs) => set(docs),
  setOfficer: (officer) => set({ officer, phase: 'ready', lockedBy: undefined }),
  chooseOfficer: ({ device, unitProfile, lockedBy }) =>
    set({ phase: 'choose-officer', device, unitProfile, officer: undefined, lockedBy }),
  mustChangeSecret: (officer) => set({ officer, phase: 'change-secret', lockedBy: undefined }),
  needSetup: (lostDevice) => set({ phase: 'setup', lostDevice }),
  fail: (failure) => set({ phase: 'failed', failure }),
});
