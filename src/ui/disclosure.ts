/**
 * A section that opens and closes under its heading (the WAI-ARIA disclosure pattern: a button in the
 * heading, aria-expanded, aria-controls). Not <details>: a closed <details> does not print, and these
 * sections print open (print.css shows the body whatever its state).
 */
import { h, setAttr, setText } from './dom.ts';

export interface Disclosure {
  root: HTMLElement;
  body: HTMLElement;
  setTitle(text: string): void;
  open(value: boolean): void;
}

/** A closed disclosure section with the given id (the body is `${id}-body`). */
export function disclosure(id: string, cls: string): Disclosure {
  const button = h('button', {
    type: 'button',
    class: 'disclosure',
    'aria-expanded': 'false',
    'aria-controls': `${id}-body`,
  });
  const body = h('div', { class: 'disclosure-body', id: `${id}-body` });
  body.hidden = true;
  const root = h(
    'section',
    { class: cls, id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, button),
    body,
  );
  const open = (value: boolean) => {
    body.hidden = !value;
    setAttr(button, 'aria-expanded', String(value));
  };
  button.addEventListener('click', () => open(body.hidden));
  // Escape inside an open section closes it and leaves focus on its button.
  body.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    open(false);
    button.focus();
  });
  return { root, body, setTitle: (text) => setText(button, text), open };
}
