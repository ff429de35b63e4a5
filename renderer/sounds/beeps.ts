// Short WebAudio tones: no audio files to ship. One shared AudioContext, created on first use
// (browsers only let it start after a user gesture, which a till always has had by then).
export type Cue = 'scan' | 'success' | 'failure';

const TONES: Record<Cue, Array<{ hz: number; ms: number }>> = {
  scan: [{ hz: 1760, ms: 60 }],
  success: [
    { hz: 880, ms: 90 },
    { hz: 1320, ms: 140 },
  ],
  failure: [
    { hz: 330, ms: 180 },
    { hz: 220, ms: 260 },
  ],
};

let context: AudioContext | null = null;

export function playCue(cue: Cue, enabled: boolean): void {
  if (!enabled || typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    let at = context.currentTime;
    for (const tone of TONES[cue]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = tone.hz;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + tone.ms / 1000);
      at += tone.ms / 1000 + 0.02;
    }
  } catch {
    // Sound is a courtesy: a failing audio device must never break the till.
  }
}
