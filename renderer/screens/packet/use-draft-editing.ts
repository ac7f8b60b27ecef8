/**
 * The working copy of a packet draft in the editor: the draft as edited, the typed fields
 * (./draft-form), evidence files added since the draft was loaded, with their bytes, and the actions on it:
 * add or remove evidence (checked against the limits), save (naming the revision it started
 * from: a change made meanwhile on another device is refused, not overwritten) and export (saving
 * unsaved changes first, then building from what is stored).
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceOwner, EvidenceRef, PacketDraft } from '../../../shared/packet/packet-types';
import { useCore } from '../../app/core-context';
import { fieldId } from '../../components/form-fields';
import {
  checkEvidenceFile,
  withEvidence,
  withoutEvidence,
  type EvidenceCheck,
} from '../../../shared/packet/draft-evidence';
import {
  CORE_ERRORS,
  isCoreError,
  type ClientCore,
  type StoredPacketDraft,
  type UnitRecordSet,
} from '../../core/client-core';
import { formatBytes } from '../../format/format-bytes';
import { useAppStore } from '../../store/app-store';
import { checkDraft, periodOf, textsOf, type DraftTexts } from '../../../shared/packet/draft-form';
import type { EvidenceFileState } from './evidence-files';

/** A file added since the draft was loaded: the File to store, its bytes for the checks and the export. */
type FreshFile = Readonly<{ file: Blob; bytes: Uint8Array }>;

type ExportOutcome = Awaited<ReturnType<ClientCore['packet']['export']>>;
type ProgressListener = Parameters<ClientCore['packet']['export']>[0]['onProgress'];

export type DraftEditing = Readonly<{
  draft: PacketDraft;
  texts: DraftTexts;
  dirty: boolean;
  saving: boolean;
  changedElsewhere: boolean;
  /** Field errors of the last save attempt, by path. */
  errors: Readonly<Record<string, string>>;
  /** Refused files of the last addition, by owner. */
  evidenceProblems: Readonly<Record<string, readonly string[]>>;
  /** Bytes of every evidence file known here (stored and added), by evidence id. */
  evidence: ReadonlyMap<string, Uint8Array>;
  stateOf: (ref: EvidenceRef) => EvidenceFileState;
  edit: (change: (current: PacketDraft) => PacketDraft) => void;
  setText: (name: keyof DraftTexts, value: string) => void;
  addFiles: (owner: EvidenceOwner, files: readonly File[]) => Promise<void>;
  removeFile: (ref: EvidenceRef) => void;
  save: () => Promise<StoredPacketDraft | undefined>;
  exportNow: (onProgress: ProgressListener) => Promise<ExportOutcome | undefined>;
}>;

export function useDraftEditing(input: {
  stored: StoredPacketDraft;
  savedBytes: ReadonlyMap<string, Uint8Array>;
  unit: UnitRecordSet;
  onSaved: (stored: StoredPacketDraft) => void;
}): DraftEditing {
  const { t } = useTranslation();
  const core = useCore();
  const settings = useAppStore((state) => state.unitSettings);
  const notify = useAppStore((state) => state.notify);
  const { stored, savedBytes } = input;
  const [draft, setDraft] = useState<PacketDraft>(stored.draft);
  const [texts, setTexts] = useState<DraftTexts>(() => textsOf(stored.draft));
  const [fresh, setFresh] = useState<ReadonlyMap<string, FreshFile>>(new Map());
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [evidenceProblems, setEvidenceProblems] = useState<Readonly<Record<string, readonly string[]>>>({});
  const [saving, setSaving] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const edits = useRef(0);

  const edit = (change: (current: PacketDraft) => PacketDraft): void => {
    edits.current += 1;
    setDraft(change);
    setDirty(true);
  };
  const setText = (name: keyof DraftTexts, value: string): void => {
    const next = { ...texts, [name]: value };
    edits.current += 1;
    setTexts(next);
    setDirty(true);
    // The period drives the indicators and the case list: follow it as soon as it reads well.
    const period = name === 'from' || name === 'to' ? periodOf(next) : null;
    if (period) setDraft((current) => ({ ...current, period }));
  };

  const evidence = useMemo(() => {
    const bytes = new Map(savedBytes);
    for (const [id, file] of fresh) bytes.set(id, file.bytes);
    return bytes;
  }, [savedBytes, fresh]);
  const stateOf = (ref: EvidenceRef): EvidenceFileState =>
    stored.files[ref.id]?.length === ref.size ? 'stored' : fresh.has(ref.id) ? 'pending' : 'missing';

  const problemText = (check: EvidenceCheck): string => {
    if (check.ok) return '';
    const max = 'max' in check ? check.max : 0;
    return t(`packetUi.evidence.problem.${check.problem}`, {
      name: check.name,
      max: check.problem === 'count' || check.problem === 'name' ? max : formatBytes(max),
    });
  };

  const addFiles = async (owner: EvidenceOwner, files: readonly File[]): Promise<void> => {
    let next = draft;
    const added = new Map(fresh);
    const problems: string[] = [];
    const single = owner === 'parent-recommendation';
    for (const file of single ? files.slice(0, 1) : files) {
      // The recommendation letter is one file: a new one replaces the old.
      const base =
        single && next.parentRecommendation ? withoutEvidence(next, next.parentRecommendation.id) : next;
      const check = checkEvidenceFile(base, owner, file);
      if (!check.ok) {
        problems.push(problemText(check));
        continue;
      }
      try {
        added.set(check.ref.id, { file, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        problems.push(t('packetUi.evidence.problem.unreadable', { name: file.name }));
        continue;
      }
      next = withEvidence(base, owner, check.ref);
    }
    setEvidenceProblems((current) => ({ ...current, [owner]: problems }));
    if (next !== draft) {
      setFresh(added);
      edit(() => next);
    }
  };

  const removeFile = (ref: EvidenceRef): void => {
    edit((current) => withoutEvidence(current, ref.id));
    setEvidenceProblems({});
  };

  const save = async (): Promise<StoredPacketDraft | undefined> => {
    const by = core.packet.editor();
    if (!by || saving) return undefined;
    const checked = checkDraft(draft, texts);
    if (!checked.ok) {
      const messages = Object.fromEntries(
        Object.entries(checked.errors).map(([path, key]) => [path, t(`packetUi.error.${key}`)]),
      );
      setErrors(messages);
      notify('error', t('packetUi.fixErrors', { count: Object.keys(messages).length }));
      const first = Object.keys(messages)[0];
      if (first) document.getElementById(fieldId(first))?.focus();
      return undefined;
    }
    setErrors({});
    setSaving(true);
    const editsAtStart = edits.current;
    try {
      const added = new Map<string, Blob>();
      for (const [id, file] of fresh) if (!stored.files[id]) added.set(id, file.file);
      const saved = await core.packet.drafts().save({
        id: stored.id,
        rev: stored.rev,
        draft: checked.draft,
        added,
        by,
        now: new Date(),
      });
      input.onSaved(saved);
      // Edits typed while the write ran are not in it: they stay unsaved.
      if (edits.current === editsAtStart) setDirty(false);
      setChangedElsewhere(false);
      notify('success', t('packetUi.saved'));
      return saved;
    } catch (error) {
      if (isCoreError(error, CORE_ERRORS.packetDraftChanged)) {
        setChangedElsewhere(true);
        notify('error', t('packetUi.changedElsewhere'));
      } else {
        notify(
          'error',
          t('packetUi.failed', { reason: error instanceof Error ? error.message : String(error) }),
        );
      }
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  const exportNow = async (onProgress: ProgressListener): Promise<ExportOutcome | undefined> => {
    if (!settings) throw new Error(t('packetUi.noSettings'));
    const current = dirty ? await save() : stored;
    if (!current) return undefined;
    // Built from what is stored, so the packet is exactly the draft every device now holds.
    const bytes = await core.packet.drafts().evidenceBytes(current.id, current.rev);
    return core.packet.export({ draft: current.draft, evidence: bytes, unit: input.unit, onProgress });
  };

  return {
    draft,
    texts,
    dirty,
    saving,
    changedElsewhere,
    errors,
    evidenceProblems,
    evidence,
    stateOf,
    edit,
    setText,
    addFiles,
    removeFile,
    save,
    exportNow,
  };
}
