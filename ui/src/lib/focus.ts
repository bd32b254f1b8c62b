// Keyboard focus helpers for forms.

import { tick } from 'svelte';

/** After a refused save, move focus to the first field marked invalid (or the error summary). */
export async function focusFirstInvalid(form: HTMLElement | undefined): Promise<void> {
  await tick();
  if (!form) return;
  const target =
    form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  if (!target.hasAttribute('tabindex') && target.getAttribute('role') === 'alert') target.tabIndex = -1;
  target.focus();
}
