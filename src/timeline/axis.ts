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
import { toUtcDate } from '../data/dates.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

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
    // Only where the label fits (about 6.2 px a character at 11 px): cut labels read as errors.
    if (p.label[lang].length * 6.2 + 12 < hi - lo) {
      bands
        .append('text')
        .attr('class', 'band-label')
        .attr('x', (lo + hi) / 2)
        .attr('y', 35)
        .attr('text-anchor', 'middle')
        .text(p.label[lang]);
    }
  });
  const months = width < 500 ? 6 : 3;
  const axis = axisBottom(x)
    .ticks(utcMonth.every(months))
    .tickSizeOuter(0)
    .tickFormat((d) => formatDate(lang, (d as Date).toISOString().slice(0, 10), 'month', true));
  root.append('g').attr('class', 'ticks').attr('transform', 'translate(0,38)').call(axis);

  const group = document.createElement('div');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t(lang, 'slider.events'));
  host.append(group);
  const tip = document.createElement('div');
  tip.className = 'event-tip';
  tip.hidden = true;
  host.append(tip);

  const buttons: HTMLButtonElement[] = [];
  for (const ev of timeline.events) {
    if (ev.date < timeline.range.start || ev.date > timeline.range.end) continue;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'event-tick';
    b.dataset.milestone = String(!!ev.milestone);
    b.dataset.date = ev.date;
    const px = x(toUtcDate(ev.date));
    b.style.insetInlineStart = `${rtl ? width - px : px}px`;
    const label = `${formatDate(lang, ev.date, ev.datePrecision ?? 'day')}: ${ev.title[lang]}`;
    b.setAttribute('aria-label', label);
    b.tabIndex = buttons.length === 0 ? 0 : -1;
    const show = () => {
      tip.textContent = label;
      tip.style.insetInlineStart = `${Math.min(Math.max(rtl ? width - px : px, 90), width - 90)}px`;
      tip.hidden = false;
    };
    b.addEventListener('mouseenter', show);
    b.addEventListener('focus', show);
    b.addEventListener('mouseleave', () => {
      tip.hidden = true;
    });
    b.addEventListener('blur', () => {
      tip.hidden = true;
    });
    b.addEventListener('click', () => opts.onPick(ev.date));
    buttons.push(b);
  }
  group.append(...buttons);
  // Roving tab stop: Tab reaches the events once; arrows move between them.
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
