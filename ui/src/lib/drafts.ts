// Empty drafts for the forms and drafts made from saved records (for editing).

import { formatBusinessNo } from './format';
import type {
  Buyer, BuyerDraft, Order, OrderDraft, OrderLineDraft, Product, ProductDraft, Seller, SellerDraft,
} from './types.gen';

export function sellerDraft(s: Seller | null): SellerDraft {
  return {
    name: s?.name ?? '',
    name_en: s?.name_en ?? '',
    representative: s?.representative ?? '',
    business_no: s ? formatBusinessNo(s.business_no) : '',
    customs_code: s?.customs_code ?? '',
    address: s?.address ?? '',
    address_en: s?.address_en ?? '',
    phone: s?.phone ?? '',
    email: s?.email ?? '',
    platform_based: s?.platform_based ?? false,
    platforms: s?.platforms ?? '',
  };
}

export function buyerDraft(b: Buyer | null): BuyerDraft {
  return {
    name: b?.name ?? '',
    country: b?.country ?? '',
    address: b?.address ?? '',
    email: b?.email ?? '',
    phone: b?.phone ?? '',
  };
}

export function productDraft(p: Product | null): ProductDraft {
  return {
    sku: p?.sku ?? '',
    name_ko: p?.name_ko ?? '',
    name_en: p?.name_en ?? '',
    hs_code: p?.hs_code ?? '',
    unit: p?.unit ?? 'EA',
    net_weight_kg: p?.net_weight_kg ?? '',
    // A new product is offered KR; a stored one shows what is stored (none: "not known yet", as
    // the product list says), never a default the database does not hold.
    origin_country: p ? (p.origin_country ?? '') : 'KR',
    brand: p?.brand ?? '',
    model_spec: p?.model_spec ?? '',
    needs_permit: p?.needs_permit ?? false,
  };
}

export function emptyLine(): OrderLineDraft {
  return { product_id: null, sku: '', description: '', quantity: '1', unit_price: '', discount: '' };
}

export function orderDraft(o: Order | null, today: string): OrderDraft {
  if (!o) {
    return {
      marketplace: '',
      order_no: '',
      buyer_id: null,
      order_date: today,
      currency: 'USD',
      shipping_fee: '',
      incoterm: 'DAP',
      destination_country: '',
      lines: [emptyLine()],
      order_discount: '',
      shipping_separate: null,
    };
  }
  return {
    marketplace: o.marketplace,
    order_no: o.order_no,
    buyer_id: o.buyer_id,
    order_date: o.order_date,
    currency: o.currency,
    shipping_fee: o.shipping_fee,
    incoterm: o.incoterm,
    destination_country: o.destination_country,
    lines: o.lines.map((l) => ({
      product_id: l.product_id,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unit_price: l.unit_price,
      // The order's discount was split over the lines when it was saved; each line keeps its share.
      discount: Number(l.discount) === 0 ? '' : l.discount,
    })),
    order_discount: '',
    shipping_separate: o.shipping_separate,
  };
}

/** Marketplaces offered as suggestions in the order form. */
export const MARKETPLACES = ['Shopify', 'eBay', 'Amazon', 'Etsy', 'Shopee', 'Qoo10', 'Cafe24'];
