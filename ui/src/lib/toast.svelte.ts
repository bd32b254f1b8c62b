// Short confirmations ("Saved") shown in a corner and read out by screen readers.

export interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'error';
}

export const toasts = $state<Toast[]>([]);
let next = 1;

export function notify(text: string, kind: Toast['kind'] = 'ok', ms = 4000): void {
  const id = next++;
  toasts.push({ id, text, kind });
  setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((x) => x.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
