import { describe, expect, test } from 'vitest';
import { validatePriceBook } from '../../../core/engine/price-book/validate';
import {
  errorCountUnder,
  featurePath,
  indexIssues,
  issuesAt,
  packPath,
  planPath,
  promotionsPath,
  tierPath,
} from '../../../renderer/screens/editor/field-issues';
import { addTier, setFeatureBurn, setPlanText, setTierField } from '../../../renderer/screens/editor/book-edits';
import { cleanBook } from '../../price-book/book-edits';

describe('validation issues at their fields', () => {
  test('an error lands at the field core names, with core’s sentence', () => {
    const index = indexIssues(validatePriceBook(setFeatureBurn(cleanBook(), 0, '0')));
    expect(issuesAt(index, featurePath(0, 'burnPerUnit')).map((issue) => issue.message)).toEqual([
      'Feature "tokens" burns 0 credits per unit; a burn must be greater than zero.',
    ]);
    expect(issuesAt(index, featurePath(0, 'name'))).toEqual([]);
  });

  test('the editor’s field paths are the paths core writes', () => {
    const tiered = setTierField(addTier(cleanBook(), 0), 0, 1, 'burnPerUnit', '-1');
    const book = setPlanText(tiered, 0, 'fee', '-5');
    const paths = validatePriceBook(book).errors.map((issue) => issue.path);
    expect(paths).toEqual([tierPath(0, 1, 'burnPerUnit'), planPath(0, 'fee')]);
    expect([packPath(2, 'price'), promotionsPath('signUpCredits')]).toEqual(['$.packs[2].price', '$.promotions.signUpCredits']);
  });

  test('a section counts the errors inside it, and not those of a neighbour with a longer number', () => {
    const book = cleanBook();
    book.plans = Array.from({ length: 11 }, (_, i) => ({ ...book.plans[0], key: `plan-${i}` }));
    book.plans[10] = { ...book.plans[10], fee: '-1' };
    const index = indexIssues(validatePriceBook(book));
    expect(errorCountUnder(index, '$.plans[10]')).toBe(1);
    expect(errorCountUnder(index, '$.plans[1]')).toBe(0);
    expect(errorCountUnder(index, '$.plans')).toBe(1);
  });

  test('errors come before warnings at the same field', () => {
    const index = indexIssues({
      errors: [{ severity: 'error', code: 'e', path: '$.x', message: 'error' }],
      warnings: [{ severity: 'warning', code: 'w', path: '$.x', message: 'warning' }],
    });
    expect(issuesAt(index, '$.x').map((issue) => issue.severity)).toEqual(['error', 'warning']);
  });
});
