/** Things that look like dates but are not (the brief's list and more). */
import { describe, expect, it } from 'vitest';
import { pairs } from './helpers.ts';

const NOT_DATES = [
  // money, ratios, numbers
  'Shares rose to $1.35 after a 3/8 point gain.',
  'The firm reported losses of £2014m.',
  'The vote was 2,014 to 1,990.',
  'Boeing sold 2014 aircraft parts.',
  // "Sun" the newspaper
  'The Sun reported the story first.',
  'He told the Sun newspaper he would stay.',
  // "march" and "may"
  'Protesters march through the capital.',
  'It may rain later, officials warned.',
  'May I speak to the minister?',
  'Ms May told MPs the deal was dead.',
  // ages
  'The 65-year-old was arrested at home.',
  'A 49-year-old man was charged.',
  // durations and sets
  'After three years of war, both armies are exhausted.',
  'Ukraine backs a 30-day ceasefire.',
  'The siege lasted for 30 days.',
  'Leaders have argued for months over the terms.',
  'Civilians were killed in the 24 hours ahead of the talks.',
  'The biggest conflict in Europe for 80 years continues.',
  'The war is now in its fourth year.',
  'Talks are held every week.',
  'Each year the festival draws thousands.',
  'Over the next four years Airbus will cut 10,000 jobs.',
  'The change will occur within the next six months.',
  // vague references
  'Now is the time to act.',
  'Recently, the government changed course.',
  'The future of the deal is unclear.',
  'Prices are currently high.',
  // parts of phrases that are no date
  'Russia said the talks would begin in the second half of the day.',
  'Putin held a late-night meeting with ministers.',
  'Putin held a late night meeting with ministers.',
  'The talks are expected not in the morning, but closer to the afternoon.',
  // names and titles
  'USA Today ran the story on its front page.',
  'She appeared on the Today programme.',
  'The Sunday Telegraph published the letter.',
  'Theresa May met Brian May.',
  'The Arab Spring began in Tunisia.',
  'The Summer Olympics drew record crowds.',
  // model numbers and codes
  'The Airbus A380 and Boeing 747 compete with the 737-800.',
  'The iPhone 4 and iOS 4 were launched with Windows 7.',
  'He lives at 2010 Pennsylvania Avenue, room 1984.',
];

describe('not dates', () => {
  it.each(NOT_DATES)('%s', (s) => {
    expect(pairs(s)).toEqual([]);
  });

  it('a non-English article gets no English reading', async () => {
    const { findTimeExpressions } = await import('../../../src/pipeline/time/index.ts');
    expect(findTimeExpressions('Les pourparlers reprennent lundi 12 mai 2025.', { published: '2025-05-15', language: 'fr' })).toEqual([]);
    expect(findTimeExpressions('The talks resume on Monday.', { published: '2025-05-15', language: 'de' })).toEqual([]);
    expect(findTimeExpressions('The talks resumed on Monday.', { published: '2025-05-15', language: 'en-GB' })).toHaveLength(1);
    expect(findTimeExpressions('The talks resumed on Monday.', { published: '2025-05-15' })).toHaveLength(1);
  });

  it('an invalid publication date gives no reading', async () => {
    const { findTimeExpressions } = await import('../../../src/pipeline/time/index.ts');
    expect(findTimeExpressions('The talks resumed on Monday.', { published: 'yesterday' })).toEqual([]);
    expect(findTimeExpressions('The talks resumed on Monday.', { published: '2025-02-30' })).toEqual([]);
  });
});
