import { useI18n } from '../lib/i18n/i18n';
import { GAP_COLOURS } from './options/gap-colour';

/** The legend of the ahead/behind colours, drawn in HTML (keyboard- and print-friendly). */
export function GapLegend() {
  const { lang } = useI18n();
  const items =
    lang === 'zh'
      ? [
          [GAP_COLOURS.ahead, '达到或超前时序进度'],
          [GAP_COLOURS.slightly, '落后 5 个百分点以内'],
          [GAP_COLOURS.far, '落后 5 个百分点以上'],
          [GAP_COLOURS.none, '无分解目标'],
        ]
      : [
          [GAP_COLOURS.ahead, 'On or ahead of time progress'],
          [GAP_COLOURS.slightly, 'Behind by < 5 pp'],
          [GAP_COLOURS.far, 'Behind by ≥ 5 pp'],
          [GAP_COLOURS.none, 'No allocation'],
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
