import { describe, expect, it } from 'vitest';
import {
  bestSuggestions, buildProfile, buildRequest, choicesFromProfile, FIELD_GROUPS, FIELD_LABELS, FIELDS, fieldsOfColumn, findProfile,
  initialChoices, initialProductChoices, initialRateChoices, isCancelled, isEssentialField, isImportable, newProductsFrom,
  productProblems, progressPercent, rateProblems, ratesFrom, unmetEssentials, updatableCount, type MappingChoices,
} from './importing';
import type {
  ExistingOrder, HsSuggestion, ImportPreview, MappingRequest, Problem, Profile, RateNeed, UnknownProduct,
} from './types.gen';

function problem(code: string, field: string | null = null): Problem {
  return { code, field, params: {}, message_ko: code, message_en: code };
}

function mappingRequest(over: Partial<MappingRequest> = {}): MappingRequest {
  return {
    encoding: 'utf8',
    format: { kind: 'csv', delimiter: 'comma' },
    header_row: 1,
    headers: ['주문번호', '상품명', '수량', '판매가', '결제금액'],
    preview: [{ row: 2, cells: ['A-1', '토너', '2', '15000', '30000'] }],
    suggestions: [],
    profile: null,
    missing: { fields: [], headers: [] },
    problem: problem('import.profile_unknown'),
    ...over,
  };
}

function choices(over: Partial<MappingChoices> = {}): MappingChoices {
  return {
    columns: {},
    marketplace: 'Naver',
    date_order: 'ymd',
    decimal: 'point',
    shipping: 'first_line',
    default_currency: '',
    default_country: '',
    default_incoterm: 'DAP',
    ...over,
  };
}

const hs = (code: string): HsSuggestion => ({
  line: {
    code, dotted: code, name_ko: '기타', name_en: 'Other', path_ko: ['기타'], path_en: ['Other'], qty_unit: null,
    valid_from: '2002-01-01', valid_to: '2025-12-31',
  },
  confidence: 'strong', basis: 'keyword', own_products: [], keywords_ko: [], keywords_en: [], precedents: [], choices: [], subheadings: [],
});

function unknown(sku: string, description = 'Toner'): UnknownProduct {
  return { sku, description, orders: 1, quantity: '1', row: 2, suggestions: [hs('330499')] };
}

describe('fields', () => {
  it('lists all 22 fields once, each with a label and in exactly one group', () => {
    expect(new Set(FIELDS).size).toBe(22);
    expect(Object.keys(FIELD_LABELS).sort()).toEqual([...FIELDS].sort());
    const grouped = FIELD_GROUPS.flatMap((g) => g.fields);
    expect(grouped.sort()).toEqual([...FIELDS].sort());
  });

  it('marks the essential fields', () => {
    for (const f of ['order_no', 'order_date', 'sku', 'description', 'quantity', 'unit_price', 'line_amount', 'currency', 'destination_country'] as const) {
      expect(isEssentialField(f), f).toBe(true);
    }
    for (const f of ['buyer_name', 'buyer_country', 'shipping_fee', 'incoterm'] as const) {
      expect(isEssentialField(f), f).toBe(false);
    }
  });
});

describe('bestSuggestions', () => {
  it('takes the most confident column per field, first on a tie, only columns of the file', () => {
    const best = bestSuggestions(
      [
        { field: 'unit_price', column: '결제금액', confidence: 60 },
        { field: 'unit_price', column: '판매가', confidence: 90 },
        { field: 'order_no', column: '주문번호', confidence: 95 },
        { field: 'order_no', column: '상품명', confidence: 95 },
        { field: 'quantity', column: 'Qty', confidence: 99 },
      ],
      ['주문번호', '상품명', '판매가', '결제금액'],
    );
    expect(best).toEqual({ order_no: '주문번호', unit_price: '판매가' });
  });
});

describe('initialChoices', () => {
  it('starts from the suggestions and plain conventions', () => {
    const c = initialChoices(
      mappingRequest({ suggestions: [{ field: 'quantity', column: '수량', confidence: 95 }] }),
      null,
    );
    expect(c.columns.quantity).toBe('수량');
    expect(c.columns.order_no).toBe('');
    expect(Object.keys(c.columns)).toHaveLength(22);
    expect(c).toMatchObject({ marketplace: '', date_order: 'ymd', decimal: 'point', shipping: 'first_line', default_incoterm: 'DAP', default_currency: '', default_country: '' });
  });

  it('keeps the conventions of the profile the file came closest to', () => {
    const base = buildProfile('amazon', choices({
      marketplace: 'Amazon', date_order: 'mdy', shipping: 'sum', default_currency: 'USD', default_country: 'US',
    }));
    const c = initialChoices(mappingRequest(), base);
    expect(c).toMatchObject({ marketplace: 'Amazon', date_order: 'mdy', shipping: 'sum', default_currency: 'USD', default_country: 'US' });
  });

  it('finds a profile by name', () => {
    const p = buildProfile('Mine', choices());
    expect(findProfile([{ profile: p, builtin: false }], 'Mine')).toBe(p);
    expect(findProfile([{ profile: p, builtin: false }], 'other')).toBeNull();
    expect(findProfile([], null)).toBeNull();
  });
});

describe('buildProfile', () => {
  it('makes one column per chosen field, in field order, like Profile::custom', () => {
    const p: Profile = buildProfile('  내 엑셀 ', choices({
      marketplace: ' Naver ',
      columns: { quantity: '수량', order_no: '주문번호', sku: '', description: '상품명' },
      default_currency: 'KRW',
    }));
    expect(p).toEqual({
      name: '내 엑셀',
      title: '내 엑셀',
      marketplace: 'Naver',
      columns: [
        { field: 'order_no', headers: ['주문번호'], required: false, decimal: null },
        { field: 'description', headers: ['상품명'], required: false, decimal: null },
        { field: 'quantity', headers: ['수량'], required: false, decimal: null },
      ],
      signature: [],
      date_order: 'ymd',
      decimal: 'point',
      shipping: 'first_line',
      default_incoterm: 'DAP',
      default_currency: 'KRW',
      default_country: null,
      shipping_separate: null,
    });
  });
});

describe('choicesFromProfile', () => {
  it('gives back the choices a built profile was made from', () => {
    const c = choices({
      columns: { order_no: '주문번호', quantity: '수량', unit_price: '판매가' },
      date_order: 'dmy', default_country: 'JP',
    });
    const back = choicesFromProfile(buildProfile('x', c), ['주문번호', '수량', '판매가']);
    expect(back.columns.order_no).toBe('주문번호');
    expect(back.columns.sku).toBe('');
    expect(back).toMatchObject({ marketplace: 'Naver', date_order: 'dmy', default_country: 'JP', default_currency: '' });
    expect(buildProfile('x', back)).toEqual(buildProfile('x', c));
  });

  it('skips headers the file does not have', () => {
    const p = buildProfile('x', choices({ columns: { order_no: 'Gone' } }));
    expect(choicesFromProfile(p, ['Other']).columns.order_no).toBe('');
  });
});

describe('unmetEssentials', () => {
  it('lists what has neither a column nor a default', () => {
    expect(unmetEssentials(choices())).toEqual(['order_no', 'item', 'quantity', 'price', 'order_date', 'currency', 'destination']);
    expect(unmetEssentials(choices({
      columns: { order_no: 'a', sku: 'b', quantity: 'c', line_amount: 'd', order_date: 'e', buyer_country: 'f' },
      default_currency: 'USD',
    }))).toEqual([]);
  });

  it('names the fields a column feeds', () => {
    const c = choices({ columns: { destination_country: 'Country', buyer_country: 'Country', order_no: 'No' } });
    expect(fieldsOfColumn(c, 'Country')).toEqual(['buyer_country', 'destination_country']);
    expect(fieldsOfColumn(c, 'Other')).toEqual([]);
    expect(fieldsOfColumn(choices({ columns: { order_no: '' } }), '')).toEqual([]);
  });
});

describe('rates asked on the summary', () => {
  const need = (currency: string, recorded = false): RateNeed => ({
    currency, week_start: '2026-11-22', week_end: '2026-11-28', orders: 2,
    recorded: recorded ? { week_start: '2026-11-22', currency, krw_per_unit: '1450.3', source: 'KCS' } : null,
  });

  it('asks only for the rates not recorded, the yen per 100', () => {
    const c = initialRateChoices([need('USD', true), need('EUR'), need('JPY')]);
    expect(c).toEqual([{ currency: 'EUR', rate: '', per: '1' }, { currency: 'JPY', rate: '', per: '100' }]);
  });

  it('sends typed rates for their week and puts problems back on their currency', () => {
    const needs = [need('EUR'), need('JPY')];
    const c = initialRateChoices(needs);
    c[1].rate = ' 일본 JPY 100 940.12 ';
    const sent = ratesFrom(needs, c);
    expect(sent).toEqual([{ date: '2026-11-22', currency: 'JPY', rate: '일본 JPY 100 940.12', per: '100', source: null }]);
    const found = rateProblems([problem('rate.paste_other_currency', 'rates[0].rate'), problem('x', 'new_products[0].sku')], sent);
    expect(Object.keys(found)).toEqual(['JPY']);
  });
});

describe('products to add', () => {
  it('adds products with a SKU by default and never one without', () => {
    const list = [unknown('A-1'), unknown('', 'Gift'), unknown('B-2')];
    const c = initialProductChoices(list);
    expect(c.map((x) => x.add)).toEqual([true, false, true]);
    c[1].add = true; // the UI cannot tick it, but even so it is left out
    c[2].hs_code = '3304.99-1000';
    c[2].net_weight_kg = ' 0.12 ';
    c[2].origin_country = 'CN';
    const { products, index } = newProductsFrom(list, c);
    expect(products).toEqual([
      { sku: 'A-1', name: '', hs_code: '', net_weight_kg: '', origin_country: 'KR' },
      { sku: 'B-2', name: '', hs_code: '3304991000', net_weight_kg: '0.12', origin_country: 'CN' },
    ]);
    expect(index).toEqual([0, 2]);
  });

  it('puts problems of new_products[i] back on the product row', () => {
    const found = productProblems(
      [problem('hs.length', 'new_products[1].hs_code'), problem('x', 'new_products[0].sku'), problem('y', null), problem('z', 'new_products[7].hs_code')],
      [0, 2],
    );
    expect(Object.keys(found)).toEqual(['0', '2']);
    expect(found[2].map((p) => p.code)).toEqual(['hs.length']);
  });
});

describe('requests', () => {
  it('sends the mapping instead of the profile when there is one', () => {
    const m = buildProfile('직접 연결', choices());
    expect(buildRequest({ file_name: 'a.csv', profile: 'shopify', mapping: m, encoding: null }, 'update')).toEqual({
      file_name: 'a.csv', profile: null, mapping: m, encoding: null, sheet: null, existing: 'update', new_products: [], rates: [], currency: null,
    });
    expect(buildRequest({ file_name: 'a.csv', profile: 'shopify', mapping: null, encoding: 'cp949' })).toMatchObject({
      profile: 'shopify', mapping: null, encoding: 'cp949', existing: 'skip',
    });
  });

  it('counts the orders an update would change when all are listed', () => {
    const row = { order_no: '1', order_date: '2026-01-01', buyer: '', destination_country: 'US', currency: 'USD', goods_total: '1', goods_before_discount: '', shipping_fee: '0', shipping_separate: true, lines: 1, row: 2 };
    const e = (differs: boolean, declaration_id: number | null): ExistingOrder => ({ order: row, id: 1, differs, declaration_id });
    const preview = { existing_count: 3, existing: [e(true, null), e(true, 4), e(false, null)] } as ImportPreview;
    expect(updatableCount(preview)).toBe(1);
    expect(updatableCount({ ...preview, existing_count: 300 })).toBeNull();
  });
});

describe('small things', () => {
  it('computes the bar width', () => {
    expect(progressPercent(5, 10)).toBe(50);
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(12, 10)).toBe(100);
  });

  it('tells a cancel from a failure', () => {
    expect(isCancelled([problem('import.cancelled')])).toBe(true);
    expect(isCancelled([problem('import.failed')])).toBe(false);
  });

  it('accepts order files by their extension', () => {
    for (const n of ['orders.csv', 'A.XLSX', 'x.tsv', 'y.txt', 'z.xls']) expect(isImportable(n), n).toBe(true);
    for (const n of ['photo.png', 'orders', 'a.pdf']) expect(isImportable(n), n).toBe(false);
  });
});
