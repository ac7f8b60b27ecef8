/**
 * Attachments chosen from disk, with their sizes and a remove button each. Each is shown under the
 * name it will be stored with (shared/complaint/file-names `cleanFileName`: no path, no control or
 * direction-override characters), never refused for its name.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALLOWED_ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_TOTAL_ATTACHMENT_BYTES,
} from '../../../shared/complaint/complaint-schema';
import { cleanFileName } from '../../../shared/complaint/file-names';
import { fieldId } from '../../components/form-fields';
import { formatBytes } from '../../format/format-bytes';

export const ATTACHMENTS_FIELD_ID = fieldId('attachments');

export function AttachmentPicker(props: {
  files: readonly File[];
  onChange: (files: readonly File[]) => void;
  error?: string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={ATTACHMENTS_FIELD_ID}>{t('intake.attachments')}</label>
      <input
        id={ATTACHMENTS_FIELD_ID}
        type="file"
        multiple
        accept={ALLOWED_ATTACHMENT_TYPES.join(',')}
        aria-describedby={`${ATTACHMENTS_FIELD_ID}-hint${props.error ? ` ${ATTACHMENTS_FIELD_ID}-error` : ''}`}
        aria-invalid={props.error ? true : undefined}
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          event.target.value = '';
          props.onChange([...props.files, ...chosen]);
        }}
      />
      <p className="field__hint" id={`${ATTACHMENTS_FIELD_ID}-hint`}>
        {t('intake.attachmentsHint', {
          each: formatBytes(MAX_ATTACHMENT_BYTES),
          total: formatBytes(MAX_TOTAL_ATTACHMENT_BYTES),
          count: MAX_ATTACHMENTS,
        })}
      </p>
      {props.files.length > 0 ? (
        <ul className="attachment-list">
          {props.files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span>
                {cleanFileName(file.name)} ({formatBytes(file.size)})
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => props.onChange(props.files.filter((_, other) => other !== index))}
              >
                {t('intake.removeAttachment', { name: cleanFileName(file.name) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {props.error ? (
        <p className="field__error" id={`${ATTACHMENTS_FIELD_ID}-error`}>
          ✖ {props.error}
        </p>
      ) : null}
    </div>
  );
}
