// Short confirmations ("Saved") shown at the bottom centre of the window and read out by screen readers.
// They never pile up over the buttons a person needs next: a new confirmation replaces the
// previous one, at most two notices show at once, and clicks pass through them (only their
// close button takes a click).

export interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'error';
}

export const toasts = $state<Toast[]>([]);
let next = 1;

/** How many notices show at once; the oldest goes first. */
export const MAX_TOASTS = 2;

export function notify(text: string, kind: Toast['kind'] = 'ok', ms = kind === 'ok' ? 2500 : 6000): void {
  const id = next++;
  if (kind === 'ok') {
    for (let i = toasts.length - 1; i >= 0; i--) if (toasts[i].kind === 'ok') toasts.splice(i, 1);
  }
  toasts.push({ id, text, kind });
  while (toasts.length > MAX_TOASTS) toasts.shift();
  setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((x) => x.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
