/** The buttons under an editable list of the unit settings (holidays, offices): add a row, save. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ListEditorActions(props: {
  addLabel: string;
  onAdd: () => void;
  saveLabel: string;
  saving: boolean;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="button" className="button" onClick={props.onAdd}>
        {props.addLabel}
      </button>
      <button type="submit" className="button button--primary" disabled={props.saving}>
        {props.saving ? t('common.saving') : props.saveLabel}
      </button>
    </div>
  );
}
