import { describe, expect, it } from 'vitest';

import { runDemo } from '../../cli/commands/demo';
import { validatePriceBook } from '../../core/engine/price-book/validate';
import { AI_PLATFORM_DEMO_BOOKS } from '../../scenarios/ai-platform/demo-books';
import { memoryIo } from './memory-io';

describe('demo command', () => {
  it('ships books without errors or warnings', () => {
    for (const book of AI_PLATFORM_DEMO_BOOKS) {
      const validation = validatePriceBook(book);
      expect(validation.errors).toEqual([]);
      expect(validation.warnings).toEqual([]);
    }
  });

  it('prints the comparison of the three sample books with no files at all', async () => {
    const io = memoryIo();
    expect(await runDemo([], io)).toBe(0);
    const text = io.out();
    expect(text).toMatch(/^Credit Workbench demo: an AI\/ML platform/);
    expect(text).toMatch(/Headline\s+AI Platform — baseline\s+AI Platform — rebalance\s+AI Platform — rollover/);
    expect(text).toMatch(/Reconciliation\s+holds\s+holds\s+holds/);
    expect(text).toContain('Top customers by bill change — AI Platform — rollover vs AI Platform — baseline');
    expect(text).toContain('Months — AI Platform — rollover');
    expect(io.err()).toBe('');
  });

  it('refuses bad arguments with exit 2', async () => {
    const io = memoryIo();
    expect(await runDemo(['--format', 'pdf'], io)).toBe(2);
    expect(io.err()).toBe('credit-workbench demo: --format must be one of table, json, csv; got "pdf"\n');
  });
});
