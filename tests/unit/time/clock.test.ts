/** Clock times, their zones (DST-aware for place names), and the day they bind to. */
import { describe, expect, it } from 'vitest';
import { pairs, tag, valueOf } from './helpers.ts';

describe('clock times', () => {
  it('UK time follows British Summer Time', () => {
    expect(valueOf('They meet at about 11am UK time.', '11am', '2025-05-15')).toBe('2025-05-15T11:00+01:00');
    expect(valueOf('They meet at about 11am UK time.', '11am', '2025-01-15')).toBe('2025-01-15T11:00+00:00');
    // BST runs from the last Sunday of March to the last Sunday of October
    expect(valueOf('They meet at 11am UK time.', '11am', '2025-03-29')).toBe('2025-03-29T11:00+00:00');
    expect(valueOf('They meet at 11am UK time.', '11am', '2025-03-30')).toBe('2025-03-30T11:00+01:00');
    expect(valueOf('They meet at 11am UK time.', '11am', '2025-10-26')).toBe('2025-10-26T11:00+00:00');
  });

  it('fixed abbreviations keep their offset', () => {
    expect(valueOf('The market opened at 9am GMT.', '9am')).toBe('2025-05-15T09:00+00:00');
    expect(valueOf('The vote closed at 12:30 EST.', '12:30')).toBe('2025-05-15T12:30-05:00');
    expect(valueOf('The flight took off at 18:00 UTC.', '18:00')).toBe('2025-05-15T18:00+00:00');
    expect(valueOf('Talks start at 10:00 CET.', '10:00')).toBe('2025-05-15T10:00+01:00');
    expect(valueOf('Talks start at 10:00 CEST.', '10:00')).toBe('2025-05-15T10:00+02:00');
    expect(valueOf('Sirens at 4am EEST.', '4am')).toBe('2025-05-15T04:00+03:00');
    expect(valueOf('Sirens at 4am MSK.', '4am')).toBe('2025-05-15T04:00+03:00');
    expect(valueOf('The speech is at 9pm PDT.', '9pm')).toBe('2025-05-15T21:00-07:00');
    expect(valueOf('The speech is at 9pm PST.', '9pm')).toBe('2025-05-15T21:00-08:00');
  });

  it('ET and Eastern time follow US daylight saving', () => {
    expect(valueOf('Trading halted at 3 p.m. ET.', '3 p.m.')).toBe('2025-05-15T15:00-04:00');
    expect(valueOf('Trading halted at 3 p.m. ET.', '3 p.m.', '2025-01-15')).toBe('2025-01-15T15:00-05:00');
    expect(valueOf('We will have more at 10 p.m. Eastern.', '10 p.m.')).toBe('2025-05-15T22:00-04:00');
  });

  it('named places: Moscow, Kyiv, Turkish time; local time has no zone', () => {
    expect(valueOf('The drones struck at 2am Moscow time.', '2am')).toBe('2025-05-15T02:00+03:00');
    expect(valueOf('The drones struck at 2am Kyiv time.', '2am')).toBe('2025-05-15T02:00+03:00');
    expect(valueOf('The drones struck at 2am Kyiv time.', '2am', '2025-01-10')).toBe('2025-01-10T02:00+02:00');
    expect(valueOf('Talks begin at 1.30pm Turkish time.', '1.30pm')).toBe('2025-05-15T13:30+03:00');
    const [local] = tag('The blast came at 7:45am local time.');
    expect(local).toMatchObject({ text: '7:45am local time', value: '2025-05-15T07:45', time: '07:45', granularity: 'time' });
    expect(local!.zone).toBeUndefined();
    expect(valueOf('It landed at 6:40 p.m. (GMT +8).', '6:40')).toBe('2025-05-15T18:40+08:00');
    expect(valueOf('The raid began at 0600 GMT.', '0600')).toBe('2025-05-15T06:00+00:00');
  });

  it('a time binds to the day mentioned near it, else the publication day', () => {
    expect(pairs('The leaders will meet at 9am on Friday.')).toEqual(['9am=2025-05-16T09:00', 'Friday=2025-05-16']);
    expect(pairs('Boeing’s 787 made its first test flight Tuesday in Everett, Washington at 18:00 UTC.', '2009-12-16')).toEqual([
      'Tuesday=2009-12-15',
      '18:00 UTC=2009-12-15T18:00+00:00',
    ]);
    expect(valueOf('The ceasefire starts at noon.', 'noon')).toBe('2025-05-15T12:00');
    expect(valueOf('The talks resume at ten o’clock.', 'ten o’clock')).toBe('2025-05-15T10:00');
    expect(pairs('They talked on Wednesday morning and again at 4:15 pm.')).toEqual(['Wednesday morning=2025-05-14TMO', '4:15 pm=2025-05-14T16:15']);
    expect(pairs('The blast happened yesterday at 11pm.')).toEqual(['yesterday=2025-05-14', '11pm=2025-05-14T23:00']);
  });

  it('12am is midnight, 12pm noon', () => {
    expect(valueOf('It started at 12am.', '12am')).toBe('2025-05-15T00:00');
    expect(valueOf('It started at 12pm.', '12pm')).toBe('2025-05-15T12:00');
  });

  it('ratios, scores, verses and prices are not times', () => {
    expect(pairs('The score was 3:2 after extra time.')).toEqual([]);
    expect(pairs('He quoted John 3:16 in his speech.')).toEqual([]);
    expect(pairs('It costs $1.35 a litre.')).toEqual([]);
    expect(pairs('I am sure, he said.')).toEqual([]);
  });
});
