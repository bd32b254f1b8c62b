import { describe, expect, it } from 'vitest';
import { MAX_TOASTS, notify, toasts } from './toast.svelte';

describe('toasts', () => {
  it('never stack over the screen: a confirmation replaces the last one, errors are capped', () => {
    notify('저장했습니다');
    notify('PDF를 만들었습니다');
    expect(toasts.map((x) => x.text)).toEqual(['PDF를 만들었습니다']);
    notify('실패 1', 'error');
    notify('실패 2', 'error');
    notify('실패 3', 'error');
    expect(toasts.length).toBe(MAX_TOASTS);
    expect(toasts.map((x) => x.text)).toEqual(['실패 2', '실패 3']);
  });
});
