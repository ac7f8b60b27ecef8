/**
 * Paket P4 (docs/packet.md): the unit's competition packet drafts, the editor of the one
 * chosen, and the data exports. Managers create, edit and export; everyone else reads.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditSettings } from '../../../shared/workflow/roles';
import { useCore } from '../../app/core-context';
import { BudgetCountsNote } from '../../components/budget-counts-note';
import { LoadState } from '../../components/load-state';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import { DataExports } from './data-exports';
import { DraftList, NewDraftForm } from './draft-chooser';
import { PacketEditor } from './packet-editor';

export function PacketScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const editable = officer ? canEditSettings(officer.role) : false;
  const drafts = useRecords(() => core.packet.drafts().list(), []);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const list = drafts.status === 'ready' ? drafts.value : [];
  // Until one is chosen, the newest draft is open.
  const openId = chosen ?? list[0]?.id;

  return (
    <section className="screen" aria-labelledby="packet-title">
      <h1 id="packet-title">{t('packetUi.title')}</h1>
      <p>{t('packetUi.intro')}</p>
      <BudgetCountsNote />
      {editable ? null : <p className="field__hint">{t('packetUi.managersOnly')}</p>}
      <h2>{t('packetUi.drafts')}</h2>
      <LoadState loaded={drafts}>
        {(value) => <DraftList drafts={value} openId={openId} onOpen={setChosen} />}
      </LoadState>
      {editable ? <NewDraftForm onCreated={setChosen} /> : null}
      {openId ? (
        <PacketEditor key={openId} id={openId} editable={editable} onDeleted={() => setChosen(undefined)} />
      ) : null}
      {editable ? <DataExports /> : null}
    </section>
  );
}
