/**
 * The time axis under the slider: phases as bands and a d3 time axis, in SVG; the dated events as
 * real buttons on top (hover, focus and click), with one tab stop and arrow keys between them.
 */
import { axisBottom } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { utcMonth } from 'd3-time';
import type { Lang, TimelineFile } from '../data/schema.ts';
import { formatDate, t } from '../i18n/index.ts';
import { addDays, toUtcDate } from '../data/dates.ts';
import { lastDayOf } from '../state/announcements.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Rows of the axis, top down (px): event ticks 0–22, phase bands 24–38, deadline marks 38–52, months below. */
const TICKS_Y = 52;

export interface AxisOptions {
  timeline: TimelineFile;
  lang: Lang;
  onPick: (date: string) => void;
}

/** Draws (or redraws) the axis into host at its current width. */
export function drawAxis(host: HTMLElement, opts: AxisOptions): void {
  const { timeline, lang } = opts;
  const width = host.clientWidth || 600;
  const rtl = lang === 'ar';
  const start = toUtcDate(timeline.range.start);
  const end = toUtcDate(timeline.range.end);
  const x = scaleUtc()
    .domain([start, end])
    .range(rtl ? [width, 0] : [0, width]);
  host.replaceChildren();

  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  host.append(svg);
  const root = select(svg);
  const bands = root.append('g');
  timeline.phases.forEach((p, i) => {
    // ISO dates compare as strings: the later of the phase start and the range start.
    const a = x(toUtcDate([p.start, timeline.range.start].sort()[1]!));
    const b = x(toUtcDate(p.end && p.end < timeline.range.end ? p.end : timeline.range.end));
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo < 1) return;
    bands
      .append('rect')
      .attr('class', 'band')
      .attr('x', lo)
      .attr('y', 24)
      .attr('width', hi - lo)
      .attr('height', 14)
      .attr('fill', i % 2 ? 'var(--accent)' : 'var(--faint)');
    // The label goes in the part before the stretch with no reports (drawn over the band later), and only
    // where it fits (about 6.2 px a character at 11 px): cut labels read as errors. Too long, it keeps
    // the words before its colon ("Phase 2").
    const gapAt = x(toUtcDate(addDays(timeline.reportingEnds, 1)));
    const [vlo, vhi] = rtl ? [Math.max(lo, gapAt), hi] : [lo, Math.min(hi, gapAt)];
    const full = p.label[lang];
    const short = full.split(/[:：]/)[0]!.trim();
    const fits = (s: string) => s.length * 6.2 + 12 < vhi - vlo;
    const text = fits(full) ? full : fits(short) ? short : null;
    if (text) {
      bands
        .append('text')
        .attr('class', 'band-label')
        .attr('x', (vlo + vhi) / 2)
        .attr('y', 35)
        .attr('text-anchor', 'middle')
        .text(text);
    }
  });
  // After the last report on any site: no known period, drawn as a hatched grey stretch, not a phase.
  const ends = timeline.reportingEnds;
  if (ends < timeline.range.end) {
    const a = x(toUtcDate(addDays(ends, 1)));
    const b = x(toUtcDate(timeline.range.end));
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const label = t(lang, 'slider.noReports', { date: formatDate(lang, ends, 'day', true) });
    const hatch = root
      .append('defs')
      .append('pattern')
      .attr('id', 'no-reports-hatch')
      .attr('width', 6)
      .attr('height', 6)
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('patternTransform', 'rotate(45)');
    hatch.append('rect').attr('width', 2).attr('height', 6).attr('class', 'no-reports-hatch');
    const gap = bands.append('g').attr('class', 'no-reports').attr('data-testid', 'no-reports');
    gap
      .append('rect')
      .attr('class', 'no-reports-band')
      .attr('x', lo)
      .attr('y', 24)
      .attr('width', hi - lo)
      .attr('height', 14)
      .attr('fill', 'url(#no-reports-hatch)');
    gap.append('title').text(label);
    if (label.length * 5.6 + 10 < hi - lo) {
      gap
        .append('text')
        .attr('class', 'no-reports-label')
        .attr('x', (lo + hi) / 2)
        .attr('y', 35)
        .attr('text-anchor', 'middle')
        .text(label);
    }
  }
  const months = width < 500 ? 6 : 3;
  const axis = axisBottom(x)
    .ticks(utcMonth.every(months))
    .tickSizeOuter(0)
    .tickFormat((d) => formatDate(lang, (d as Date).toISOString().slice(0, 10), 'month', true));
  root.append('g').attr('class', 'ticks').attr('transform', `translate(0,${TICKS_Y})`).call(axis);

  const group = document.createElement('div');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t(lang, 'slider.events'));
  host.append(group);
  const tip = document.createElement('div');
  tip.className = 'event-tip';
  tip.hidden = true;
  host.append(tip);

  // One button on the axis: its place, its name, its tooltip on hover and focus, and what a click picks.
  const axisButton = (cls: string, date: string, label: string, first: boolean, tipMargin: number) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.dataset.date = date;
    const px = x(toUtcDate(date));
    const at = rtl ? width - px : px;
    b.style.insetInlineStart = `${at}px`;
    b.setAttribute('aria-label', label);
    b.tabIndex = first ? 0 : -1;
    const show = () => {
      tip.textContent = label;
      tip.style.insetInlineStart = `${Math.min(Math.max(at, tipMargin), width - tipMargin)}px`;
      tip.hidden = false;
    };
    const hide = () => {
      tip.hidden = true;
    };
    b.addEventListener('mouseenter', show);
    b.addEventListener('focus', show);
    b.addEventListener('mouseleave', hide);
    b.addEventListener('blur', hide);
    b.addEventListener('click', () => opts.onPick(date));
    return b;
  };

  const buttons: HTMLButtonElement[] = [];
  for (const ev of timeline.events) {
    if (ev.date < timeline.range.start || ev.date > timeline.range.end) continue;
    const label = `${formatDate(lang, ev.date, ev.datePrecision ?? 'day')}: ${ev.title[lang]}`;
    const b = axisButton('event-tick', ev.date, label, buttons.length === 0, 90);
    b.dataset.milestone = String(!!ev.milestone);
    buttons.push(b);
  }
  group.append(...buttons);
  // The announced deadlines, as marks under the phase bands: what was promised, on the same axis as what happened.
  const marks = document.createElement('div');
  marks.setAttribute('role', 'group');
  marks.setAttribute('aria-label', t(lang, 'slider.deadlines'));
  host.append(marks);
  const markButtons: HTMLButtonElement[] = [];
  for (const a of timeline.announcements) {
    const deadline = lastDayOf(a.by, a.byPrecision);
    if (deadline < timeline.range.start || deadline > timeline.range.end) continue;
    const label = t(lang, 'deadline.mark', {
      date: formatDate(lang, deadline, a.byPrecision === 'month' ? 'month' : 'day'),
      text: a.text[lang] || a.text.en,
    });
    const b = axisButton('deadline-mark', deadline, label, markButtons.length === 0, 120);
    b.dataset.announcement = a.id;
    markButtons.push(b);
  }
  marks.append(...markButtons);
  roving(marks, markButtons, rtl);
  roving(group, buttons, rtl);
}

/** Roving tab stop: Tab reaches the group once; arrows, Home and End move between its buttons. */
function roving(group: HTMLElement, buttons: HTMLButtonElement[], rtl: boolean): void {
  group.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const fwd = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let j = i;
    if (e.key === fwd) j = Math.min(buttons.length - 1, i + 1);
    else if (e.key === back) j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = buttons.length - 1;
    else return;
    e.preventDefault();
    buttons[i]!.tabIndex = -1;
    buttons[j]!.tabIndex = 0;
    buttons[j]!.focus();
  });
}
