import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../hooks/use-records';

/** Renders the loading and failure states of a `Loaded`, or its value through `children`. */
export function LoadState<T>(props: { loaded: Loaded<T>; children: (value: T) => ReactNode }): ReactNode {
  const { t } = useTranslation();
  switch (props.loaded.status) {
    case 'loading':
      return <p aria-busy="true">{t('common.loading')}</p>;
    case 'failed':
      return (
        <p className="error-summary" role="alert">
          {t('common.failedToLoad', { reason: props.loaded.reason })}
        </p>
      );
    case 'ready':
      return props.children(props.loaded.value);
    default: {
      const never: never = props.loaded;
      return never;
    }
  }
}
