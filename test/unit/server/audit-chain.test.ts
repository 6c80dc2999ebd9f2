import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../server/db/queries/audit-entries';
import { GENESIS_HASH, canonicalJson, hashAuditEntry, storedText, verifyAuditChain } from '../../../server/services/audit-chain';
import { createHash } from 'node:crypto';

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  for (let id = 1; id <= n; id++) {
    const partial = {
      id,
      at: `2026-01-0${id}T00:00:00.000Z`,
      actor_id: 1,
      actor: 'admin@test.ips-trial.invalid',
      action: 'update',
      entity: 'site',
      entity_id: 'TST-A',
      before_json: null,
      after_json: canonicalJson({ places_min: id }),
      reason: null,
      prev_hash: rows.at(-1)?.hash ?? GENESIS_HASH,
    };
    rows.push({ ...partial, hash: hashAuditEntry(partial) });
  }
  return rows;
}

describe('server/services/audit-chain', () => {
  it('writes JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":0,"z":1}]},"b":1}');
  });

  it('hashes the canonical JSON of the row with SHA-256', () => {
    const [row] = chain(1);
    const { hash, ...content } = row;
    const independent = createHash('sha256').update(JSON.stringify(Object.fromEntries(Object.entries(content).sort(([a], [b]) => a.localeCompare(b))))).digest('hex');
    expect(hash).toBe(independent);
  });

  it('accepts an intact chain and an empty one', () => {
    expect(verifyAuditChain(chain(5), 5)).toMatchObject({ ok: true, entries: 5 });
    expect(verifyAuditChain([], 0)).toEqual({ ok: true, entries: 0, lastHash: GENESIS_HASH });
  });

  it('names the first altered, removed or inserted entry', () => {
    const altered = chain(5);
    altered[2] = { ...altered[2], after_json: '{"places_min":99}' };
    expect(verifyAuditChain(altered, 5)).toMatchObject({ ok: false, brokenAt: 3, problem: 'altered' });

    const removed = chain(5).filter((r) => r.id !== 2);
    expect(verifyAuditChain(removed, 5)).toMatchObject({ ok: false, brokenAt: 2, problem: 'removed' });

    expect(verifyAuditChain(chain(5).slice(0, 4), 5)).toMatchObject({ ok: false, brokenAt: 5, problem: 'removed' });

    const rehashed = chain(5);
    const forged = { ...rehashed[1], actor: 'forger' };
    rehashed[1] = { ...forged, hash: hashAuditEntry(forged) };
    expect(verifyAuditChain(rehashed, 5)).toMatchObject({ ok: false, brokenAt: 3, problem: 'inserted' });
  });

  it('lists every broken link, not only the first', () => {
    const rows = chain(8);
    rows[1] = { ...rows[1], reason: 'changed afterwards' };
    rows[5] = { ...rows[5], actor: 'someone else' };
    const gapped = rows.filter((r) => r.id !== 4);
    const verdict = verifyAuditChain(gapped, 9);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.breaks.map((b) => [b.at, b.problem])).toEqual([
      [2, 'altered'],
      [4, 'removed'],
      [6, 'altered'],
      [9, 'removed'],
    ]);
    expect(verdict).toMatchObject({ brokenAt: 2, problem: 'altered' });
  });

  it('turns lone surrogates into U+FFFD, as SQLite stores them, and keeps surrogate pairs', () => {
    expect(storedText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(storedText('emoji 🙂 stays')).toBe('emoji 🙂 stays');
  });
});
