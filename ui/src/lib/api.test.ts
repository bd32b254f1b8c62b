import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { api, ApiError, toApiError } from './api';
import type { Problem } from './types.gen';

function problem(code: string, field: string | null): Problem {
  return { code, field, params: {}, message_ko: `${code} 한국어`, message_en: `${code} English` };
}

describe('toApiError', () => {
  it('wraps a list of problems as sent by the Rust side', () => {
    const list = [problem('name.empty', 'name'), problem('business_no.check_digit', 'business_no')];
    const e = toApiError(list);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.problems).toEqual(list);
    expect(e.message).toBe('name.empty English; business_no.check_digit English');
  });

  it('wraps a single problem', () => {
    const e = toApiError(problem('sample.not_empty', null));
    expect(e.problems.map((p) => p.code)).toEqual(['sample.not_empty']);
  });

  it('returns an ApiError unchanged', () => {
    const original = new ApiError([problem('x', null)]);
    expect(toApiError(original)).toBe(original);
  });

  it('turns anything else into an ipc.failed problem in both languages', () => {
    for (const thrown of [new Error('boom'), 'boom', 42, null, [1, 2]]) {
      const e = toApiError(thrown);
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0].code).toBe('ipc.failed');
      expect(e.problems[0].field).toBeNull();
      expect(e.problems[0].message_ko).toContain('앱 내부 호출');
      expect(e.problems[0].message_en).toContain('internal call');
    }
    expect(toApiError(new Error('boom')).problems[0].message_en).toContain('boom');
  });
});

describe('ApiError.byField', () => {
  it('keys the problems by field, first problem per field wins, field-less ones left out', () => {
    const e = new ApiError([
      problem('lines.empty', 'lines'),
      problem('quantity.zero', 'lines[0].quantity'),
      problem('unit_price.invalid', 'lines[0].unit_price'),
      problem('quantity.invalid', 'lines[0].quantity'),
      problem('sample.invalid', null),
    ]);
    const by = e.byField();
    expect(Object.keys(by).sort()).toEqual(['lines', 'lines[0].quantity', 'lines[0].unit_price']);
    expect(by['lines[0].quantity'].code).toBe('quantity.zero');
  });

  it('is empty when no problem names a field', () => {
    expect(new ApiError([problem('a', null)]).byField()).toEqual({});
  });
});

describe('order-file import calls', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('sends the staged file as the raw body, not as JSON arguments', async () => {
    invoke.mockResolvedValue(3);
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(api.importStage(bytes)).resolves.toBe(3);
    expect(invoke).toHaveBeenCalledWith('import_stage', bytes);
  });

  it('maps a refused raw call to an ApiError', async () => {
    invoke.mockRejectedValue([problem('import.not_bytes', null)]);
    const err = await api.importStage(new Uint8Array()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problems[0].code).toBe('import.not_bytes');
  });

  it('wraps the request and profile arguments by their snake_case names', async () => {
    invoke.mockResolvedValue(null);
    const request = {
      file_name: 'a.csv', profile: null, mapping: null, encoding: null, sheet: null, existing: 'skip' as const, new_products: [], rates: [], currency: null,
    };
    await api.importCheck(request);
    await api.importCommit(request);
    await api.importProblemsCsv(request);
    await api.importProfileDelete('Mine');
    await api.importCancel();
    expect(invoke.mock.calls).toEqual([
      ['import_check', { request }],
      ['import_commit', { request }],
      ['import_problems_csv', { request }],
      ['import_profile_delete', { name: 'Mine' }],
      ['import_cancel', {}],
    ]);
  });
});

describe('shipment calls', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('wraps every argument by its snake_case name', async () => {
    invoke.mockResolvedValue(null);
    const request = { declaration_ids: [3, 4], order_ids: [], reference: '', consignee_name: '', consignee_address: '', note: '' };
    const edit = { reference: 'SHP-1', consignee_name: null, consignee_address: null, note: null, declaration_ids: null };
    const cartons = [{ length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '5', items: [{ declaration_id: 3, line_no: 1, quantity: '2' }] }];
    const autopack = {
      length_cm: '40', width_cm: '30', height_cm: '20', max_gross_kg: '20', tare_kg: '0.5', fill_ratio: '', unit_volumes: [],
    };
    const loading = { loaded_on: '2026-12-01', carrier: 'EMS', bl_awb: 'AWB 1', tracking_numbers: ['EE1', 'EE2'] };
    await api.shipmentsList();
    await api.shipmentCreate(request);
    await api.shipmentGet(5);
    await api.shipmentEdit(5, edit);
    await api.shipmentPack(5, cartons);
    await api.shipmentAutopack(5, autopack);
    await api.shipmentLoad(5, loading);
    await api.shipmentDelete(5);
    expect(invoke.mock.calls).toEqual([
      ['shipments_list', {}],
      ['shipment_create', { request }],
      ['shipment_get', { id: 5 }],
      ['shipment_edit', { id: 5, edit }],
      ['shipment_pack', { id: 5, cartons }],
      ['shipment_autopack', { id: 5, request: autopack }],
      ['shipment_load', { id: 5, loading }],
      ['shipment_delete', { id: 5 }],
    ]);
  });

  it('asks for each shipment paper by its command', async () => {
    invoke.mockResolvedValue({ path: '/tmp/x.pdf', bytes: 10 });
    await api.documentShipmentInvoice(2);
    await api.documentShipmentPackingList(2);
    await api.documentShipmentMarks(2);
    await api.documentShipmentPackingXlsx(2);
    await api.documentShipmentPapers(2);
    expect(invoke.mock.calls.map((c) => c[0])).toEqual([
      'document_shipment_invoice',
      'document_shipment_packing_list',
      'document_shipment_marks',
      'document_shipment_packing_xlsx',
      'document_shipment_papers',
    ]);
    for (const c of invoke.mock.calls) expect(c[1]).toEqual({ id: 2 });
  });

  it('turns a refused load into an ApiError with the blockers', async () => {
    invoke.mockRejectedValue([problem('shipment.not_ready', null), problem('packing.missing', null)]);
    const err = await api
      .shipmentLoad(5, { loaded_on: '2026-12-01', carrier: '', bl_awb: 'B', tracking_numbers: [] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problems.map((p) => p.code)).toEqual(['shipment.not_ready', 'packing.missing']);
  });
});

describe('origin calls', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('wraps every argument by its snake_case name', async () => {
    invoke.mockResolvedValue(null);
    const declaration = {
      supplier: '한빛원료', materials: '글리세린 2905.45', valid_from: '2026-01-01', valid_until: '2026-12-31',
      file_reference: '', note: '',
    };
    const draft = {
      currency: '', ex_works_price: '12000', fob_price: '', operations: '혼합', only_minimal_operations: null,
      lines: [{
        description: '글리세린', hs_code: '2905.45', origin_country: '', supplier_declaration_id: 3, quantity: '0.01',
        unit: 'KG', unit_value: '3000', currency: '', supplier: '한빛원료', weight_kg: '',
      }],
    };
    await api.supplierDeclarationsList();
    await api.supplierDeclarationSave(null, declaration);
    await api.supplierDeclarationSave(3, declaration);
    await api.supplierDeclarationDelete(3);
    await api.bomsList();
    await api.bomGet(7);
    await api.bomSave(7, draft);
    await api.bomDelete(7);
    expect(invoke.mock.calls).toEqual([
      ['supplier_declarations_list', {}],
      ['supplier_declaration_save', { id: null, draft: declaration }],
      ['supplier_declaration_save', { id: 3, draft: declaration }],
      ['supplier_declaration_delete', { id: 3 }],
      ['boms_list', {}],
      ['bom_get', { product_id: 7 }],
      ['bom_save', { product_id: 7, draft }],
      ['bom_delete', { product_id: 7 }],
    ]);
  });

  it('sends a BOM file as the raw body with the product in a header', async () => {
    invoke.mockResolvedValue({ product_id: 7 });
    const bytes = new Uint8Array([0x50, 0x4b]);
    await api.bomImport(7, bytes);
    expect(invoke).toHaveBeenCalledWith('bom_import', bytes, { headers: { 'product-id': '7' } });
  });

  it('keeps every row problem of a refused import, the summary first', async () => {
    invoke.mockRejectedValue([
      problem('bom.import_problems', null),
      problem('bom.hs_too_short', 'lines[0].hs_code'),
      problem('bom.quantity', 'lines[1].quantity'),
    ]);
    const err = await api.bomImport(7, new Uint8Array()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problems.map((p) => p.code)).toEqual(['bom.import_problems', 'bom.hs_too_short', 'bom.quantity']);
  });

  it('turns the refusal to delete a declaration in use into an ApiError', async () => {
    invoke.mockRejectedValue([problem('supplier_declaration.in_use', null)]);
    const err = await api.supplierDeclarationDelete(3).catch((e: unknown) => e);
    expect((err as ApiError).problems[0].code).toBe('supplier_declaration.in_use');
  });
});

describe('origin check calls', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('send snake_case arguments', async () => {
    invoke.mockResolvedValue(null);
    const rule = { fta: 'KR-EU', hs_range: '3304', rule: 'CTH', note: '' };
    await api.originFtas();
    await api.originCheck(7, 'KR-EU', '2026-05-01');
    await api.originCheck(7, 'RCEP', null);
    await api.originCompare(7, 'DE', null);
    await api.originRules(null);
    await api.originRules('KR-EU');
    await api.originRuleSave(rule);
    await api.originRuleDelete(4);
    await api.documentOriginWorksheet(7, 'KR-EU', '2026-05-01');
    await api.documentOriginCertificate(7, 'KR-EU', null);
    expect(invoke.mock.calls).toEqual([
      ['origin_ftas', {}],
      ['origin_check', { product_id: 7, fta: 'KR-EU', date: '2026-05-01' }],
      ['origin_check', { product_id: 7, fta: 'RCEP', date: null }],
      ['origin_compare', { product_id: 7, destination: 'DE', date: null }],
      ['origin_rules', { fta: null }],
      ['origin_rules', { fta: 'KR-EU' }],
      ['origin_rule_save', { rule }],
      ['origin_rule_delete', { id: 4 }],
      ['document_origin_worksheet', { product_id: 7, fta: 'KR-EU', date: '2026-05-01' }],
      ['document_origin_certificate', { product_id: 7, fta: 'KR-EU', date: null }],
    ]);
  });

  it('turn a refused check into an ApiError with its problems', async () => {
    invoke.mockRejectedValue([problem('origin.no_bom', null), problem('rates.missing_week', null)]);
    const err = await api.originCheck(7, 'KR-EU', null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problems.map((p) => p.code)).toEqual(['origin.no_bom', 'rates.missing_week']);
  });

  it('keep the field of a refused rule save', async () => {
    invoke.mockRejectedValue([problem('psr.syntax', 'user_rules[2].rule')]);
    const err = await api.originRuleSave({ fta: 'KR-EU', hs_range: '3304', rule: 'CTH and', note: '' }).catch((e: unknown) => e);
    expect((err as ApiError).byField()['user_rules[2].rule'].code).toBe('psr.syntax');
  });
});

describe('returns calls', () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue(null);
  });

  it('send snake_case arguments by their command', async () => {
    await api.returnsList();
    expect(invoke).toHaveBeenLastCalledWith('returns_list', {});
    await api.returnGet(4);
    expect(invoke).toHaveBeenLastCalledWith('return_get', { id: 4 });
    await api.returnExportedLines(7, null);
    expect(invoke).toHaveBeenLastCalledWith('return_exported_lines', { declaration_id: 7, except: null });
    await api.returnExportedLines(7, 4);
    expect(invoke).toHaveBeenLastCalledWith('return_exported_lines', { declaration_id: 7, except: 4 });
    const draft = {
      order_id: null, declaration_id: 7, return_date: '2026-03-02', reason: 'defect', carrier: '', tracking_no: '',
      condition: 'unused_unaltered', drawback_status: 'none_claimed', note: '',
      lines: [{ declaration_id: 7, line_no: 1, quantity: '2', duty_rate_percent: '8' }],
    };
    await api.returnSave(null, draft);
    expect(invoke).toHaveBeenLastCalledWith('return_save', { id: null, draft });
    await api.returnClaimFile(4, '2026-03-05', '12345-26-000001M');
    expect(invoke).toHaveBeenLastCalledWith('return_claim_file', { id: 4, filed_on: '2026-03-05', import_declaration_no: '12345-26-000001M' });
    await api.returnClaimDecide(4, true, '2026-03-09');
    expect(invoke).toHaveBeenLastCalledWith('return_claim_decide', { id: 4, granted: true, decided_on: '2026-03-09' });
    await api.returnDelete(4);
    expect(invoke).toHaveBeenLastCalledWith('return_delete', { id: 4 });
    await api.documentReturnClaim(4);
    expect(invoke).toHaveBeenLastCalledWith('document_return_claim', { id: 4 });
    await api.documentReturnsMonth(2026, 3);
    expect(invoke).toHaveBeenLastCalledWith('document_returns_month', { year: 2026, month: 3 });
  });

  it('keep the line field of a refused save', async () => {
    invoke.mockRejectedValue([problem('return.quantity_exceeds', 'lines[0].quantity')]);
    const err = await api.returnSave(null, {} as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(Object.keys((err as ApiError).byField())).toEqual(['lines[0].quantity']);
  });
});

describe('UNI-PASS guide call', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('sends the declaration id and returns the guide', async () => {
    const guide = { declaration_id: 7, kind: 'simplified', sections: [], notes_ko: [], notes_en: [] };
    invoke.mockResolvedValue(guide);
    await expect(api.declarationUnipassGuide(7)).resolves.toEqual(guide);
    expect(invoke).toHaveBeenLastCalledWith('declaration_unipass_guide', { id: 7 });
  });

  it('lists the papers of one declaration or of all', async () => {
    invoke.mockResolvedValue([]);
    await api.papersList(7);
    expect(invoke).toHaveBeenLastCalledWith('papers_list', { declaration_id: 7 });
    await api.papersList(null);
    expect(invoke).toHaveBeenLastCalledWith('papers_list', { declaration_id: null });
  });

  it('turns a missing declaration into an ApiError', async () => {
    invoke.mockRejectedValue([problem('record.not_found', null)]);
    const err = await api.declarationUnipassGuide(99).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problems[0].code).toBe('record.not_found');
  });
});
