import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatDecimal } from '../../../core/engine/decimal/decimal-text';
import type { ExactDecimal } from '../../../core/engine/decimal/decimal-text';
import { validatePriceBook } from '../../../core/engine/price-book/validate';
import {
  applyPercentToFeature,
  applyWhatIf,
  burnChangeText,
  headlineBurn,
  withFeatureBurn,
  burnSliderScale,
  parsePercentChange,
  scaledBurn,
  sliderPosition,
  sliderValue,
} from '../../../renderer/screens/rebalance/what-if';
import { cleanBook } from '../../price-book/book-edits';

function percent(text: string): ExactDecimal {
  const parsed = parsePercentChange(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('a percentage change of burn', () => {
  test('is read as a person types it', () => {
    expect(formatDecimal(percent('+10'))).toBe('10');
    expect(formatDecimal(percent('-25%'))).toBe('-25');
    expect(formatDecimal(percent(' 12.5 % '))).toBe('12.5');
    expect(formatDecimal(percent('\u22125'))).toBe('-5');
  });

  test('is refused when it is not a number, would remove the burn, or is too fine', () => {
    expect(parsePercentChange('ten')).toEqual({ ok: false, message: '"ten" is not a percentage; write a change such as +10 or -25.' });
    expect(parsePercentChange('')).toMatchObject({ ok: false });
    expect(parsePercentChange('-100')).toEqual({
      ok: false,
      message: 'A change of -100% would leave no burn at all; it must be above -100%.',
    });
    expect(parsePercentChange('1.00001')).toMatchObject({ ok: false, message: 'A percentage change may have at most 4 decimals.' });
  });

  test('multiplies the burn exactly', () => {
    expect(scaledBurn('1', percent('25'))).toBe('1.25');
    expect(scaledBurn('40', percent('-12.5'))).toBe('35');
    expect(scaledBurn('0.05', percent('+10'))).toBe('0.055');
    expect(scaledBurn('0.1', percent('0.0001'))).toBe('0.1000001');
  });

  test('rounds half away from zero at 12 decimals when the exact burn is finer', () => {
    // 0.000000000005 × 1.1 = 0.0000000000055 → 0.000000000006
    expect(scaledBurn('0.000000000005', percent('10'))).toBe('0.000000000006');
    // 0.000000000001 × 0.5 = 0.0000000000005 → 0.000000000001
    expect(scaledBurn('0.000000000001', percent('-50'))).toBe('0.000000000001');
  });

  test('leaves a burn that is not yet a number as it is', () => {
    expect(scaledBurn('1.2.', percent('10'))).toBe('1.2.');
  });

  test('changes a feature’s flat burn and every tier, and no other feature', () => {
    const book = cleanBook();
    book.features.push({
      key: 'minutes',
      name: 'Minutes',
      unitLabel: 'minute',
      burnPerUnit: '40',
      tiers: [
        { upToUnits: '600', burnPerUnit: '40' },
        { upToUnits: null, burnPerUnit: '30' },
      ],
    });
    const changed = applyPercentToFeature(book, 'minutes', percent('10'));
    expect(changed.features[1].burnPerUnit).toBe('44');
    expect(changed.features[1].tiers).toEqual([
      { upToUnits: '600', burnPerUnit: '44' },
      { upToUnits: null, burnPerUnit: '33' },
    ]);
    expect(changed.features[0]).toBe(book.features[0]);
    expect(book.features[1].burnPerUnit).toBe('40');
    expect(validatePriceBook(changed).errors).toEqual([]);
  });

  test('across books, changes those with the feature and names those without it', () => {
    const first = cleanBook();
    const second = { ...cleanBook(), id: 'other', features: [{ key: 'calls', name: 'Calls', unitLabel: 'call', burnPerUnit: '2' }] };
    const outcome = applyWhatIf([first, second], 'tokens', percent('-20'));
    expect(outcome.books[0].features[0].burnPerUnit).toBe('0.8');
    expect(outcome.books[1]).toBe(second);
    expect(outcome.changedBookIds).toEqual(['test-book']);
    expect(outcome.untouchedBookIds).toEqual(['other']);
  });

  test('the change from a reference burn is written like a diff', () => {
    expect(burnChangeText('1', '1.25')).toBe('+25.00%');
    expect(burnChangeText('3', '2')).toBe('-33.33%');
    expect(burnChangeText('0', '2')).toBeNull();
    expect(burnChangeText('1', 'x')).toBeNull();
  });
});

describe('the burn slider', () => {
  test('steps two places below the reference burn’s leading digit and reaches three times it', () => {
    expect(burnSliderScale('1.25')).toEqual({ step: { digits: 1n, decimals: 2 }, maxPosition: 375 });
    expect(burnSliderScale('40')).toEqual({ step: { digits: 1n, decimals: 1 }, maxPosition: 1200 });
    expect(burnSliderScale('0.0005')).toEqual({ step: { digits: 1n, decimals: 6 }, maxPosition: 1500 });
    expect(burnSliderScale('2500')).toEqual({ step: { digits: 10n, decimals: 0 }, maxPosition: 750 });
    expect(burnSliderScale('0')).toEqual({ step: { digits: 1n, decimals: 2 }, maxPosition: 1000 });
  });

  test('a position is an exact decimal burn and the burn maps back to the same position', () => {
    const scale = burnSliderScale('1.25');
    expect(sliderValue(scale, 125)).toBe('1.25');
    expect(sliderValue(scale, 0)).toBe('0');
    expect(sliderValue(scale, 375)).toBe('3.75');
    expect(sliderPosition(scale, '1.25')).toBe(125);
    expect(() => sliderValue(scale, 376)).toThrow(/outside/);
    expect(() => sliderValue(scale, 1.5)).toThrow(/outside/);
  });

  test('a typed burn between steps shows at the nearest position, held within the slider', () => {
    const scale = burnSliderScale('1');
    expect(sliderPosition(scale, '1.234')).toBe(123);
    expect(sliderPosition(scale, '1.235')).toBe(124);
    expect(sliderPosition(scale, '99')).toBe(scale.maxPosition);
    expect(sliderPosition(scale, '-1')).toBe(0);
    expect(sliderPosition(scale, 'abc')).toBeNull();
  });

  test('every position round-trips exactly, whatever the reference burn', () => {
    const references = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 0, max: 12 }))
      .map(([digits, decimals]) => formatDecimal({ digits, decimals }));
    fc.assert(
      fc.property(references, fc.nat(), (reference, seed) => {
        const scale = burnSliderScale(reference);
        const position = seed % (scale.maxPosition + 1);
        const value = sliderValue(scale, position);
        expect(sliderPosition(scale, value)).toBe(position);
        // The reference itself is on the slider's reach.
        expect(sliderPosition(scale, reference)).toBeLessThanOrEqual(scale.maxPosition);
      }),
    );
  });
});

describe('setting one feature’s burn', () => {
  function tieredBook() {
    const book = cleanBook();
    book.features.push({
      key: 'minutes',
      name: 'Minutes',
      unitLabel: 'minute',
      burnPerUnit: '40',
      tiers: [
        { upToUnits: '600', burnPerUnit: '40' },
        { upToUnits: '3000', burnPerUnit: '35' },
        { upToUnits: null, burnPerUnit: '30' },
      ],
    });
    return book;
  }

  test('a flat feature takes the burn as typed', () => {
    const book = withFeatureBurn(cleanBook(), 'tokens', '1.50');
    expect(book.features[0].burnPerUnit).toBe('1.50');
    expect(headlineBurn(book.features[0])).toBe('1.50');
  });

  test('a tiered feature moves its whole schedule in proportion to the first tier', () => {
    const book = withFeatureBurn(tieredBook(), 'minutes', '44');
    expect(book.features[1].tiers?.map((tier) => tier.burnPerUnit)).toEqual(['44', '38.5', '33']);
    expect(headlineBurn(book.features[1])).toBe('44');
    expect(validatePriceBook(book).errors).toEqual([]);
  });

  test('proportions that do not end are rounded half away from zero at 12 decimals', () => {
    const book = cleanBook();
    book.features[0] = {
      ...book.features[0],
      burnPerUnit: '3',
      tiers: [
        { upToUnits: '10', burnPerUnit: '3' },
        { upToUnits: '20', burnPerUnit: '1' },
        { upToUnits: null, burnPerUnit: '2' },
      ],
    };
    // 1 × 1 ÷ 3 = 0.333333333333|33… → down; 2 × 1 ÷ 3 = 0.666666666666|66… → up.
    expect(withFeatureBurn(book, 'tokens', '1').features[0].tiers?.map((tier) => tier.burnPerUnit)).toEqual(['1', '0.333333333333', '0.666666666667']);
  });

  test('a burn being typed changes the first tier only', () => {
    const book = withFeatureBurn(tieredBook(), 'minutes', '4.');
    expect(book.features[1].tiers?.map((tier) => tier.burnPerUnit)).toEqual(['4.', '35', '30']);
    expect(withFeatureBurn(tieredBook(), 'absent', '1').features).toEqual(tieredBook().features);
  });
});
