/**
 * Kertas tanda terima: the paper this desk's receipts print on, A5 or an 80 mm receipt roll. A
 * device setting (the printer belongs to the desk), so any officer may change it. The choice is
 * stored as soon as it is made (arrow keys move it); "saved" is said only once it is stored, and
 * a choice that could not be stored goes back to the one that is.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { LoadState } from '../../components/load-state';
import type { ReceiptPaper } from '../../core/client-core';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';

const PAPERS = ['a5', 'roll80'] as const satisfies readonly ReceiptPaper[];

export function ReceiptPaperSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const notify = useAppStore((state) => state.notify);
  const stored = useRecords(() => core.receipt.paper(), []);
  const [chosen, setChosen] = useState<ReceiptPaper | undefined>(undefined);

  const choose = async (paper: ReceiptPaper, before: ReceiptPaper): Promise<void> => {
    setChosen(paper);
    try {
      await core.receipt.setPaper(paper);
      notify('success', t('settings.receiptPaperSaved', { paper: t(`receipt.paperName.${paper}`) }));
    } catch (error) {
      setChosen(before);
      notify(
        'error',
        t('settings.receiptPaperFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <section className="form" aria-labelledby="receipt-paper-title" data-testid="receipt-paper">
      <h2 id="receipt-paper-title">{t('settings.receiptPaperSection')}</h2>
      <LoadState loaded={stored}>
        {(storedPaper) => {
          const current = chosen ?? storedPaper;
          return (
            <fieldset aria-describedby="receipt-paper-hint">
              <legend>{t('settings.receiptPaperLegend')}</legend>
              {PAPERS.map((paper) => (
                <label key={paper} className="checkbox">
                  <input
                    type="radio"
                    name="receipt-paper"
                    value={paper}
                    checked={current === paper}
                    onChange={() => void choose(paper, current)}
                  />
                  {t(`settings.receiptPaperOption.${paper}`)}
                </label>
              ))}
              <p className="field__hint" id="receipt-paper-hint">
                {t('settings.receiptPaperHint')}
              </p>
            </fieldset>
          );
        }}
      </LoadState>
    </section>
  );
}
