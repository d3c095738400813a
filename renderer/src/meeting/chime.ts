const KEY = 'sprintpad.meeting.chime'

/** Whether this laptop chimes at the timer's milestones (off unless turned on: one in the room is enough). */
export function isChimeOn(): boolean {
  try {
    return localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}

export function setChimeOn(isOn: boolean): void {
  try {
    localStorage.setItem(KEY, isOn ? '1' : '0')
  } catch {
    // Storage refused (private mode): the choice lasts until the page closes.
  }
}

let context: AudioContext | undefined

/**
 * A soft two-note chime (a quiet sine, half a second): one note at one minute left, two at time
 * up. Nothing when the browser has no audio or refuses to play before a user gesture.
 */
export function chime(notes: 1 | 2): void {
  try {
    context ??= new AudioContext()
    const start = context.currentTime
    for (let i = 0; i < notes; i++) {
      const osc = context.createOscillator()
      const gain = context.createGain()
      osc.type = 'sine'
      osc.frequency.value = i === 0 ? 660 : 880
      const at = start + i * 0.25
      gain.gain.setValueAtTime(0.0001, at)
      gain.gain.exponentialRampToValueAtTime(0.08, at + 0.03)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.5)
      osc.connect(gain).connect(context.destination)
      osc.start(at)
      osc.stop(at + 0.55)
    }
  } catch {
    // No audio here: the visual signal and the announcement remain.
  }
}
