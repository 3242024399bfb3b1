/** Small, dismissable notices for URL values that could not be used (never an exception). */
import type { Lang } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import type { Notice } from '../state/url.ts';
import { h } from './dom.ts';

/** Shows one notice per unusable parameter in parent. */
export function showNotices(parent: HTMLElement, notices: readonly Notice[], lang: Lang): void {
  parent.replaceChildren();
  for (const n of notices.slice(0, 5)) {
    const dismiss = h('button', { type: 'button', class: 'tool' }, t(lang, 'app.notice.dismiss'));
    const box = h(
      'div',
      { class: 'notice', 'data-param': n.param },
      h('span', {}, t(lang, 'app.notice.param', { param: n.param, value: n.value })),
      dismiss,
    );
    dismiss.addEventListener('click', () => box.remove());
    parent.append(box);
  }
}
