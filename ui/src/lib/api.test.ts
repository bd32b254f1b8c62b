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
      file_name: 'a.csv', profile: null, mapping: null, encoding: null, sheet: null, existing: 'skip' as const, new_products: [],
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
