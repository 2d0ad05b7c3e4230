import { i18n } from '#i18n';
import { t } from '@/components/i18n';
import { formatBytes, formatDuration, formatFinding, type Lang } from '@/lib/checks/messages';
import type { MediaInfo } from '@/lib/checks/report';
import type { ProbeResult } from '@/lib/media/probe';

/** The file picker and what the chosen video is: format, duration, size in pixels, frame rate, codecs, bytes. */
export function FactsSection({ file, probe, media, busy, lang, onChoose }: {
  file: File | null;
  probe: ProbeResult | 'reading' | null;
  media: MediaInfo | undefined;
  busy: boolean;
  lang: Lang;
  onChoose: (file: File | null) => void;
}) {
  return (
    <section className="repair__card" aria-labelledby="repair-file-heading">
      <h2 id="repair-file-heading">{i18n.t('repair.facts.heading')}</h2>
      <label className="repair__field">
        <span>{i18n.t('repair.file')}</span>
        <input
          type="file"
          accept="video/*,.mp4,.mov,.m4v,.mkv,.webm,.avi"
          disabled={busy}
          aria-describedby="repair-file-hint"
          data-testid="repair-file"
          onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
        />
      </label>
      <p id="repair-file-hint" className="repair__hint">{i18n.t('repair.fileHint')}</p>
      {probe === 'reading' && <p role="status">{i18n.t('repair.reading')}</p>}
      {probe && probe !== 'reading' && !probe.ok && (
        <p role="alert" className="repair__error" data-testid="repair-unreadable">
          {probe.reason === 'unreadable' ? t('repair.unreadable', [formatFinding(probe.finding, lang)]) : t('repair.notVideo', [probe.type])}
        </p>
      )}
      {media && <Facts media={media} size={file?.size} lang={lang} />}
    </section>
  );
}

function Facts({ media, size, lang }: { media: MediaInfo; size: number | undefined; lang: Lang }) {
  const unknown = i18n.t('repair.facts.unknown');
  return (
    <dl className="repair__facts" data-testid="repair-facts">
      <dt>{i18n.t('repair.facts.container')}</dt>
      <dd>{media.container.toUpperCase()}</dd>
      <dt>{i18n.t('repair.facts.duration')}</dt>
      <dd>{media.durationSec !== undefined ? formatDuration(media.durationSec, lang, true) : unknown}</dd>
      <dt>{i18n.t('repair.facts.resolution')}</dt>
      <dd>{media.width !== undefined && media.height !== undefined ? `${media.width}×${media.height}` : unknown}</dd>
      <dt>{i18n.t('repair.facts.fps')}</dt>
      <dd>
        {media.fps !== undefined ? t('repair.facts.fpsValue', [Math.round(media.fps * 100) / 100]) : unknown}
        {media.vfr ? i18n.t('repair.facts.vfr') : ''}
      </dd>
      <dt>{i18n.t('repair.facts.codec')}</dt>
      <dd>{[media.videoCodec, media.audioCodec].filter(Boolean).join(' + ') || unknown}</dd>
      <dt>{i18n.t('repair.facts.size')}</dt>
      <dd>{size !== undefined ? formatBytes(size, lang) : ''}</dd>
    </dl>
  );
}
