// Server-rendered once with a full verdict: every part shows, with the hooks the UI tests use.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Card from './OriginVerdictCard.svelte';
import type { OriginVerdict } from '../../lib/types.gen';

const v: OriginVerdict = {
  verdict: 'not_originating', headline_ko: '불인정 헤드', headline_en: 'head', product_hs: '330499', date: '2026-05-01',
  currency: 'KRW', ex_works_price: '100000', fob_price: null,
  fta: { code: 'KR-EU', name_ko: '한-EU', name_en: 'Korea-EU', certification: 'self', proof_ko: '증명', proof_en: 'proof',
    low_value_declaration_max_eur: '6000', low_value_declaration_max_gbp: null, certificate_validity_months: 12, record_retention_years: 5,
    facts: [{ key: 'k', title_ko: '제목', title_en: 't', value: 'v', effective_from: '2011-07-01', source: 'src', verified: true }] },
  rule: { fta: 'KR-EU', scope: 'ex 33', text: 'CTH or MaxNOM(40%, EXW)', source: 'Annex II', verified: false, own_rule: true, effective_from: null, note: null },
  alternatives: [{ text: 'CTH', outcome: 'failed', steps: [{ ko: '단계1', en: 's1' }] }],
  steps: [{ ko: '과정1', en: 'p1' }],
  materials: [{ index: 0, description: '글리세린', hs_code: '290545', supplier: 'A', status: 'non_originating', status_ko: '비원산지 (CN)', status_en: 'x', quantity: '1', unit_value: '55000', value: '55000', weight_kg: null }],
  computations: [{ label_ko: 'MaxNOM', label_en: 'MaxNOM', formula: '55% > 40%', outcome: 'failed' }],
  breaking_materials: [{ index: 0, description: '글리세린', reason_ko: '같은 호', reason_en: 'same heading' }],
  missing: [{ code: 'origin.material.hs_needed', field: 'materials[0].hs_code', params: {}, message_ko: 'HS 필요', message_en: 'hs' }],
  suggestions: [{ ko: '제안', en: 's' }],
  evidence: [{ index: 0, material: 'm', supplier: 's', evidence: 'e', valid_until: '2026-12-31', valid_on_date: true }],
  notice: { ko: '자가 판정', en: 'self' },
};

describe('verdict card', () => {
  it('renders every part with its test hooks', () => {
    const { body } = render(Card, { props: { verdict: v, productId: 1, onfix: () => {} } });
    for (const id of ['check-verdict', 'check-headline', 'check-rule', 'check-step', 'check-suggestion', 'check-missing', 'check-notice', 'check-worksheet']) {
      expect(body, id).toContain(`data-testid="${id}"`);
    }
    expect(body).toContain('data-verdict="not_originating"');
    expect(body).toContain('원산지 불인정');
    expect(body).toContain('55%');
  });
});
