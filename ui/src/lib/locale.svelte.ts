// The current UI language as rune state, so that every t() call in a template re-runs when it
// changes. Korean is the default until the saved setting is read.

import type { Lang } from './types.gen';

export const locale = $state<{ lang: Lang }>({ lang: 'ko' });
