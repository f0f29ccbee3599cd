import { describe, expect, it } from 'vitest';
import { fold } from './fold';

describe('fold', () => {
  it('ignores accents, the tilde and case, as a search at the door must', () => {
    expect(fold('Anais de González')).toContain(fold('gonzalez'));
    expect(fold('Peña')).toBe('pena');
    expect(fold('NÚÑEZ Vergara')).toBe('nunez vergara');
    expect(fold('Darién')).toBe(fold('DARIEN'));
  });
  it('keeps letters that are not accents apart', () => {
    expect(fold('Cedeño')).not.toBe(fold('Cedeno-'));
    expect(fold('Ortiz')).not.toContain(fold('ortíz x'));
  });
});
