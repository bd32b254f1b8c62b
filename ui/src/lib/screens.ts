// The screens of the app shell, in navigation order.

import type { MessageKey } from './i18n';

export type ScreenId =
  | 'dashboard'
  | 'orders'
  | 'products'
  | 'buyers'
  | 'declarations'
  | 'shipments'
  | 'origin'
  | 'returns'
  | 'documents'
  | 'rates'
  | 'settings'
  | 'glossary';

export interface NavItem {
  id: ScreenId;
  label: MessageKey;
  /** Shown muted: the screen belongs to a later milestone. */
  later?: boolean;
}

export const navItems: NavItem[] = [
  { id: 'dashboard', label: 'nav.dashboard' },
  { id: 'orders', label: 'nav.orders' },
  { id: 'products', label: 'nav.products' },
  { id: 'buyers', label: 'nav.buyers' },
  { id: 'declarations', label: 'nav.declarations' },
  { id: 'shipments', label: 'nav.shipments' },
  { id: 'origin', label: 'nav.origin' },
  { id: 'returns', label: 'nav.returns' },
  { id: 'documents', label: 'nav.documents' },
  { id: 'rates', label: 'nav.rates' },
  { id: 'settings', label: 'nav.settings' },
];
