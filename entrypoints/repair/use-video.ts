import { useMemo, useState } from 'react';
import { probeVideo, type ProbeResult } from '@/lib/media/probe';
import type { MediaInfo } from '@/lib/checks/report';
import { defaultVideoSlot, videoSlots, type VideoSlot } from '@/lib/media/slots';
import type { RulePack } from '@/lib/rules/schema';

export function slotKey(s: VideoSlot): string {
  return `${s.category.id}/${s.slot.id}`;
}

/** The video slots of the pack and the one whose rules the repair aims at. */
export function useTarget(pack: RulePack, initialCategory: string | null | undefined) {
  const slots = useMemo(() => videoSlots(pack), [pack]);
  const [key, setKey] = useState(() => {
    const first = defaultVideoSlot(slots, initialCategory);
    return first ? slotKey(first) : '';
  });
  const target = slots.find((s) => slotKey(s) === key);
  return { slots, key, setKey, target };
}

/** The chosen video and what probing it found; `reading` while the probe runs. */
export function useVideo() {
  const [file, setFile] = useState<File | null>(null);
  const [probe, setProbe] = useState<ProbeResult | 'reading' | null>(null);

  /** Reads the file's facts; resolves with them (undefined when there is no file or it is not a readable video). */
  async function choose(picked: File | null): Promise<ProbeResult | undefined> {
    setFile(picked);
    if (!picked) {
      setProbe(null);
      return undefined;
    }
    setProbe('reading');
    const result = await probeVideo(picked, picked.name);
    setProbe(result);
    return result;
  }

  const probed = probe && probe !== 'reading' && probe.ok ? probe.probe : undefined;
  const media: MediaInfo | undefined = probed?.media;
  return { file, probe, probed, media, choose };
}
