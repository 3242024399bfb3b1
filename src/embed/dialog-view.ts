/**
 * The embed dialog: a native modal <dialog> (Esc closes, focus returns to the button) with date,
 * language and theme options and both snippets for the current view, each with a copy button.
 */
import { copyText } from '../ui/clipboard.ts';
import { LANGS, type Lang } from '../data/schema.ts';
import type { AppData } from '../data/types.ts';
import { dirOf, t } from '../i18n/index.ts';
import { clampDate, isIsoDate } from '../data/dates.ts';
import type { Store, ThemeSetting } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import { iframeSnippet, loaderSnippet, type SnippetOptions } from './snippets.ts';

const THEMES: readonly ThemeSetting[] = ['auto', 'light', 'dark'];

function select<V extends string>(id: string, values: readonly V[], value: V, text: (v: V) => string) {
  const el = h('select', { id });
  for (const v of values) el.append(h('option', { value: v, selected: v === value }, text(v)));
  return el;
}

/** Copies text, or selects it for Ctrl+C where the clipboard is refused (e.g. a frame without permission). */
async function copy(text: string, area: HTMLTextAreaElement): Promise<boolean> {
  if (await copyText(text)) return true;
  area.focus();
  area.select();
  return false;
}

/** Builds the dialog (not yet in the document) for the current state; opener gets focus back on close. */
export function buildDialog(store: Store, data: AppData, opener: HTMLElement): HTMLDialogElement {
  const { lang, date, theme } = store.get();
  const { start, end } = data.timeline.range;
  const tt = (key: Parameters<typeof t>[1]) => t(lang, key);
  const dateInput = h('input', { type: 'date', id: 'embed-date', min: start, max: end, value: date, required: true });
  const langSelect = select('embed-lang', LANGS, lang, (l) => t(l, `lang.${l}`));
  const themeSelect = select('embed-theme', THEMES, theme, (v) => tt(`theme.${v}`));
  const status = h('p', { class: 'embed-status', role: 'status' });
  const options = (): SnippetOptions => {
    const d = dateInput.value;
    return {
      date: isIsoDate(d) ? clampDate(d, start, end) : store.get().date,
      lang: langSelect.value as Lang,
      theme: themeSelect.value as ThemeSetting,
    };
  };

  const snippets = [
    {
      id: 'embed-code-iframe',
      heading: tt('embed.iframe'),
      make: (o: SnippetOptions) => iframeSnippet(location.href, o, t(o.lang, 'app.title')),
    },
    {
      id: 'embed-code-loader',
      heading: tt('embed.loader'),
      make: (o: SnippetOptions) => loaderSnippet(location.href, o),
    },
  ].map(({ id, heading, make }) => {
    const area = h('textarea', {
      id,
      readonly: true,
      rows: 4,
      spellcheck: 'false',
      'aria-labelledby': `${id}-h`,
      dir: 'ltr',
    });
    const button = h('button', { type: 'button', class: 'tool', 'aria-describedby': `${id}-h` }, tt('embed.copy'));
    button.addEventListener('click', async () => {
      status.textContent = '';
      if (await copy(area.value, area)) status.textContent = tt('embed.copied');
    });
    const section = h('section', { class: 'embed-snippet' }, h('h3', { id: `${id}-h` }, heading), area, button);
    return { section, update: (o: SnippetOptions) => (area.value = make(o)) };
  });
  const update = () => {
    const o = options();
    for (const s of snippets) s.update(o);
    status.textContent = '';
  };
  for (const el of [dateInput, langSelect, themeSelect]) el.addEventListener('change', update);
  update();

  const close = h('button', { type: 'button', class: 'tool embed-close' }, tt('embed.close'));
  const dialog = h(
    'dialog',
    { class: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title', lang, dir: dirOf(lang) },
    h('div', { class: 'embed-head' }, h('h2', { id: 'embed-dialog-title' }, tt('embed.title')), close),
    h('p', {}, tt('embed.intro')),
    h(
      'div',
      { class: 'embed-options' },
      h('label', { for: 'embed-date' }, tt('embed.date')),
      dateInput,
      h('label', { for: 'embed-lang' }, tt('embed.lang')),
      langSelect,
      h('label', { for: 'embed-theme' }, tt('embed.theme')),
      themeSelect,
    ),
    ...snippets.map((s) => s.section),
    status,
  );
  close.addEventListener('click', () => dialog.close());
  // Chromium restores focus itself; other engines have not always, so hand it back explicitly.
  dialog.addEventListener('close', () => {
    opener.focus();
    dialog.remove();
  });
  // A click on the backdrop (outside the dialog's box) closes it, like Esc.
  dialog.addEventListener('click', (e) => {
    const r = dialog.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (e.target === dialog && !inside && e.detail > 0) dialog.close();
  });
  return dialog;
}
