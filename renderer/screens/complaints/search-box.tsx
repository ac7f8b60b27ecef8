/**
 * The one search box of the list: tracking number (any fragment, any case, with or without dashes),
 * the complaint's words, the LAPOR! number and, for a role that may see them, the reporter's name,
 * phone and NIK. It has the focus when the list opens (Ctrl+K or / from anywhere brings it back);
 * ↓ moves to the first result, Enter opens a whole tracking number's complaint (or goes to the
 * first result), Esc empties it.
 */
import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_INPUT_ID } from '../../app/navigation';

export function SearchBox({
  ref,
  ...props
}: {
  value: string;
  onChange: (text: string) => void;
  onEnter: () => void;
  onArrowDown: () => void;
  /** Said under the box (a tracking number not found). */
  message?: string;
  ref?: Ref<HTMLInputElement>;
}): ReactNode {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      props.onArrowDown();
    } else if (event.key === 'Escape' && props.value !== '') {
      event.preventDefault();
      props.onChange('');
    }
  };
  return (
    <form
      className="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        props.onEnter();
      }}
    >
      <label htmlFor={SEARCH_INPUT_ID}>{t('list.search')}</label>
      <input
        ref={ref}
        id={SEARCH_INPUT_ID}
        type="search"
        className="search__input"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('list.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        aria-describedby={`${SEARCH_INPUT_ID}-hint${props.message ? ` ${SEARCH_INPUT_ID}-message` : ''}`}
      />
      <span id={`${SEARCH_INPUT_ID}-hint`} className="search__hint">
        {t('list.searchHint')}
      </span>
      {props.message ? (
        <p id={`${SEARCH_INPUT_ID}-message`} role="status" className="field__error">
          {props.message}
        </p>
      ) : null}
    </form>
  );
}
