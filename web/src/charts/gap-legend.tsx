import { useI18n } from '../lib/i18n/i18n';
import { GAP_COLOURS } from './options/gap-colour';

/** The legend of the ahead/behind colours, drawn in HTML (keyboard- and print-friendly). */
export function GapLegend() {
  const { t } = useI18n();
  const items = [
    [GAP_COLOURS.ahead, t('legendAhead')],
    [GAP_COLOURS.slightly, t('legendSlightly')],
    [GAP_COLOURS.far, t('legendFar')],
    [GAP_COLOURS.none, t('legendNone')],
  ];
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', fontSize: 12 }}>
      {items.map(([colour, text]) => (
        <span key={text} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span
            style={{ width: 12, height: 12, borderRadius: 2, background: colour, display: 'inline-block' }}
            aria-hidden="true"
          />
          {text}
        </span>
      ))}
    </div>
  );
}
