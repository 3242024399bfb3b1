/**
 * The phase slider: a native range input over days, weekly arrow steps, PageUp/PageDown between
 * milestones, Home/End, light snapping to milestones while dragging (only where one pixel of the
 * track spans several days, so every day stays reachable on a desktop), play/pause through the milestones,
 * the date and phase in large type, and the axis. It writes AppState; it reads nothing from the DOM.
 * With prefers-reduced-motion the play button steps one milestone per press instead of auto-playing.
 */
import type { TimelineFile } from '../data/schema.ts';
import { formatDate, t } from '../i18n/index.ts';
import { fromDay, toDay } from '../data/dates.ts';
import { phaseAt } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';
import { setAttr, setText } from '../ui/dom.ts';
import { drawAxis } from './axis.ts';
import { jumpMilestone, milestoneDates, snapDate, snapDaysFor, stepDate } from './milestones.ts';

export interface SliderOptions {
  timeline: TimelineFile;
  store: Store;
  /** Milliseconds between milestones while playing. */
  playInterval?: number;
  /** Days within which a dragged date snaps to a milestone; by default from the track's width (see snapDaysFor). */
  snapDays?: number;
}

export interface SliderControl {
  element: HTMLElement;
  destroy(): void;
}

const reducedMotion =
  typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

/** Builds the slider control. */
export function createSlider(opts: SliderOptions): SliderControl {
  const { timeline, store } = opts;
  const { range } = timeline;
  const milestones = milestoneDates(timeline);
  const startDay = toDay(range.start);
  const el = document.createElement('section');
  el.className = 'timeline';
  el.id = 'timeline';

  const head = document.createElement('div');
  head.className = 'timeline-head';
  const dateOut = document.createElement('output');
  dateOut.className = 'current-date';
  dateOut.id = 'current-date';
  // <output> is a polite live region by default; the date is announced once, by ui/live-region.ts.
  dateOut.setAttribute('aria-live', 'off');
  const phaseOut = document.createElement('span');
  phaseOut.className = 'current-phase';
  phaseOut.id = 'current-phase';
  const play = document.createElement('button');
  play.type = 'button';
  play.className = 'tool play';
  head.append(dateOut, phaseOut, play);

  const row = document.createElement('div');
  row.className = 'slider-row';
  const input = document.createElement('input');
  input.type = 'range';
  input.className = 'slider';
  input.id = 'date-slider';
  input.min = '0';
  input.max = String(toDay(range.end) - startDay);
  input.step = '1';
  const help = document.createElement('p');
  help.className = 'slider-help';
  help.id = 'slider-help';
  input.setAttribute('aria-describedby', 'slider-help');
  const axis = document.createElement('div');
  axis.className = 'axis';
  row.append(input, axis);
  el.append(head, row, help);

  let timer: number | undefined;
  // Every move is a 'push': the history sync makes one entry of each burst (a drag, held or repeated
  // keys, play) once the slider pauses, so Back returns to where the reader stopped, not week by week.
  const set = (date: string) => store.set({ date }, 'push');
  const stop = () => {
    if (timer !== undefined) window.clearInterval(timer);
    timer = undefined;
    render();
  };

  const render = () => {
    const { date, lang } = store.get();
    const phase = phaseAt(timeline, date);
    const phaseLabel = phase ? phase.label[lang] : '';
    const dateText = formatDate(lang, date);
    // Only what changed is written: this runs on every step of a drag (ui/dom.ts setText; issue 8).
    const value = String(toDay(date) - startDay);
    if (input.value !== value) input.value = value;
    setAttr(input, 'aria-valuetext', t(lang, 'slider.valuetext', { date: dateText, phase: phaseLabel }));
    setAttr(input, 'aria-label', t(lang, 'slider.label'));
    setText(dateOut, dateText);
    setText(phaseOut, phaseLabel);
    setText(help, t(lang, 'slider.help'));
    const playing = timer !== undefined;
    setAttr(el, 'aria-label', t(lang, 'slider.label'));
    if (reducedMotion?.matches) {
      setText(play, t(lang, 'slider.next'));
      play.removeAttribute('aria-pressed');
      return;
    }
    setText(play, playing ? t(lang, 'slider.pause') : t(lang, 'slider.play'));
    setAttr(play, 'aria-pressed', String(playing));
  };

  input.addEventListener('input', () => {
    const raw = fromDay(startDay + Number(input.value));
    set(snapDate(raw, milestones, opts.snapDays ?? snapDaysFor(Number(input.max), trackWidth)));
  });
  input.addEventListener('keydown', (e) => {
    const { date, lang } = store.get();
    const rtl = lang === 'ar';
    let next: string | null = null;
    if (e.key === 'ArrowRight') next = stepDate(date, rtl ? -1 : 1, range);
    else if (e.key === 'ArrowLeft') next = stepDate(date, rtl ? 1 : -1, range);
    else if (e.key === 'ArrowUp') next = stepDate(date, 1, range);
    else if (e.key === 'ArrowDown') next = stepDate(date, -1, range);
    else if (e.key === 'PageUp') next = jumpMilestone(date, 1, milestones, range);
    else if (e.key === 'PageDown') next = jumpMilestone(date, -1, milestones, range);
    else if (e.key === 'Home') next = range.start;
    else if (e.key === 'End') next = range.end;
    if (next === null) return;
    e.preventDefault();
    stop();
    set(next);
  });
  play.addEventListener('click', () => {
    if (timer !== undefined) return stop();
    if (reducedMotion?.matches) {
      const { date } = store.get();
      set(date >= range.end ? range.start : jumpMilestone(date, 1, milestones, range));
      return;
    }
    const tick = () => {
      const { date } = store.get();
      const next = jumpMilestone(date, 1, milestones, range);
      set(next);
      if (next >= range.end) stop();
    };
    if (store.get().date >= range.end) set(range.start);
    timer = window.setInterval(tick, opts.playInterval ?? 2200);
    tick();
  });

  const redrawAxis = () =>
    drawAxis(axis, {
      timeline,
      lang: store.get().lang,
      onPick: (date) => {
        stop();
        set(date);
      },
    });
  // The track's width, kept by the observer: reading it in the input handler would force a layout per step.
  let trackWidth = 0;
  const ro = new ResizeObserver((entries) => {
    trackWidth = entries[0]?.contentRect.width ?? trackWidth;
    redrawAxis();
  });
  ro.observe(axis);
  // A reader who turns on reduced motion while playing gets a stop, not a slower animation.
  reducedMotion?.addEventListener('change', stop);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) redrawAxis();
    render();
  });
  render();

  return {
    element: el,
    destroy() {
      stop();
      ro.disconnect();
      reducedMotion?.removeEventListener('change', stop);
      unsubscribe();
    },
  };
}
