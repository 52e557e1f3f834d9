/** Bare weekdays are dated by the tense of their own clause (publication: Thursday 2025-05-15). */
import { describe, expect, it } from 'vitest';
import { FRIDAY, pairs, tag, valueOf } from './helpers.ts';

describe('weekday names', () => {
  it('the publication weekday is the publication day, whatever the tense', () => {
    expect(valueOf('The minister resigned on Thursday.', 'Thursday')).toBe('2025-05-15');
    expect(valueOf('The minister will resign on Thursday.', 'Thursday')).toBe('2025-05-15');
  });

  it('past tense takes the most recent such day before publication', () => {
    expect(valueOf('The talks collapsed on Monday.', 'Monday')).toBe('2025-05-12');
    expect(valueOf('She told reporters on Friday that she was ready.', 'Friday')).toBe('2025-05-09');
    expect(valueOf('Voters had gone to the polls on Saturday.', 'Saturday')).toBe('2025-05-10');
  });

  it('news copy with no verb cue defaults to the past', () => {
    expect(valueOf('Protesters in Tbilisi on Tuesday', 'Tuesday')).toBe('2025-05-13');
  });

  it('future tense and plans take the next such day after publication', () => {
    expect(valueOf('The council will vote on Monday.', 'Monday')).toBe('2025-05-19');
    expect(valueOf('The president is to visit Kyiv on Saturday.', 'Saturday')).toBe('2025-05-17');
    expect(valueOf('The report is expected to be published on Tuesday.', 'Tuesday')).toBe('2025-05-20');
    expect(valueOf('Talks are scheduled for Friday.', 'Friday')).toBe('2025-05-16');
    expect(valueOf('The minister plans to travel to Paris on Wednesday.', 'Wednesday')).toBe('2025-05-21');
    expect(valueOf('The delegation is due to arrive on Sunday.', 'Sunday')).toBe('2025-05-18');
    expect(valueOf('The leaders are meeting in Geneva on Friday.', 'Friday')).toBe('2025-05-16');
  });

  it('“due to” giving a cause is not a plan', () => {
    expect(valueOf('The flight was cancelled on Monday due to the weather.', 'Monday')).toBe('2025-05-12');
  });

  it('a passive after “will be” is future, after “was” past', () => {
    expect(valueOf('The results will be announced on Monday.', 'Monday')).toBe('2025-05-19');
    expect(valueOf('The results were announced on Monday.', 'Monday')).toBe('2025-05-12');
  });

  it('`would` follows the day of the saying when the sentence gives one', () => {
    expect(pairs('He said on Monday he would fly to Rome on Wednesday.')).toEqual(['Monday=2025-05-12', 'Wednesday=2025-05-14']);
  });

  it('`would` with no day of saying looks ahead, except to the day before publication', () => {
    expect(valueOf('Officials said the minister would travel to Warsaw on Friday.', 'Friday')).toBe('2025-05-16');
    expect(valueOf('Officials said the summit would be held on Monday.', 'Monday')).toBe('2025-05-19');
    expect(valueOf('It emerged that the envoy would be leaving late on Wednesday.', 'Wednesday')).toBe('2025-05-14TEV');
  });

  it('`last`, `next`, `this past`, `this coming` are explicit', () => {
    expect(valueOf('The rally took place last Sunday.', 'Sunday')).toBe('2025-05-11');
    expect(valueOf('Ministers met last Thursday.', 'Thursday')).toBe('2025-05-08');
    expect(valueOf('The vote is next Tuesday.', 'Tuesday')).toBe('2025-05-20');
    expect(valueOf('Parliament reconvened this past Monday.', 'Monday')).toBe('2025-05-12');
    expect(valueOf('They meet this coming Saturday.', 'Saturday')).toBe('2025-05-17');
  });

  it('`this <weekday>` is the one in the publication week', () => {
    expect(valueOf('This Sunday is the deadline.', 'Sunday')).toBe('2025-05-18');
    expect(valueOf('The ceasefire took effect this Monday.', 'Monday')).toBe('2025-05-12');
  });

  it('a plain present takes the nearest such day', () => {
    expect(valueOf('The minister is in Ankara on Saturday.', 'Saturday')).toBe('2025-05-17');
    expect(valueOf('The minister is in Ankara on Monday.', 'Monday')).toBe('2025-05-12');
  });

  it('a weekday in a Friday article', () => {
    expect(valueOf('The envoys arrived on Thursday.', 'Thursday', FRIDAY)).toBe('2025-05-15');
    expect(valueOf('The envoys will leave on Thursday.', 'Thursday', FRIDAY)).toBe('2025-05-22');
  });

  it('keeps parts of day', () => {
    expect(tag('Shelling resumed on Wednesday evening.')[0]).toMatchObject({ text: 'Wednesday evening', value: '2025-05-14TEV', partOfDay: 'EV' });
    expect(valueOf('Sirens sounded early on Tuesday.', 'Tuesday')).toBe('2025-05-13TMO');
    expect(valueOf('The vote ended late Monday.', 'Monday')).toBe('2025-05-12TEV');
    expect(valueOf('Rescuers worked through Monday night.', 'Monday')).toBe('2025-05-12TNI');
    expect(valueOf('The talks will resume on Friday afternoon.', 'Friday')).toBe('2025-05-16TAF');
    expect(valueOf('Drones struck the city in the early hours of Wednesday.', 'Wednesday')).toBe('2025-05-14TMO');
    expect(valueOf('Missiles hit Kyiv on the night of Tuesday.', 'Tuesday')).toBe('2025-05-13TNI');
  });

  it('“overnight into <weekday>” is the night before that day', () => {
    expect(valueOf('Russia launched 273 drones overnight into Sunday.', 'Sunday')).toBe('2025-05-10TNI');
  });

  it('a possessive weekday is dated like the bare name', () => {
    expect(valueOf('Monday’s meeting produced no agreement.', 'Monday')).toBe('2025-05-12');
    expect(valueOf("Saturday's match will be played behind closed doors.", 'Saturday')).toBe('2025-05-17');
  });

  it('a weekday with a date takes the date, and picks the year it fits', () => {
    expect(pairs('The summit opened on Tuesday, May 13.')).toEqual(['Tuesday, May 13=2025-05-13']);
    expect(pairs('It ended on Friday 13 December.')).toEqual(['Friday 13 December=2024-12-13']);
  });

  it('ignores weekday names that are titles, holidays or sets', () => {
    expect(pairs('The Sunday Times reported the story.')).toEqual([]);
    expect(pairs('The Mail on Sunday ran an interview.')).toEqual([]);
    expect(pairs('Shops expect record Black Friday sales.')).toEqual([]);
    expect(pairs('Super Tuesday decides the nomination.')).toEqual([]);
    expect(pairs('Every Monday the market opens early.')).toEqual([]);
    expect(pairs('On Mondays the museum is closed.')).toEqual([]);
  });
});
