import { describe, expect, it } from 'vitest';
import { directionOf, type Direction } from '../../../extension/keyboard/commands';
import { partitionPoint, stepIndex } from '../../../extension/keyboard/step';

describe('stepIndex', () => {
  it.each<[string, number, number, Direction, number, number]>([
    ['next from a mention', 5, 1, 1, 0, 2],
    ['previous from a mention', 5, 1, -1, 0, 0],
    ['next from the last wraps to the first', 5, 4, 1, 0, 0],
    ['previous from the first wraps to the last', 5, 0, -1, 0, 4],
    ['first step forward: the first mention in view', 5, -1, 1, 2, 2],
    ['first step back: the one just above the view', 5, -1, -1, 2, 1],
    ['first step forward with every mention above the view: wrap to the first', 5, -1, 1, 5, 0],
    ['first step back with every mention below the top: the last', 5, -1, -1, 0, 4],
    ['a remembered mention that is gone counts as none', 5, 9, 1, 3, 3],
    ['no mentions: nowhere to go', 0, -1, 1, 0, -1],
  ])('%s', (_name, count, current, direction, firstInView, expected) => {
    expect(stepIndex(count, current, direction, firstInView)).toBe(expected);
  });
});

describe('partitionPoint', () => {
  it.each([
    [[true, true, false, false], 2],
    [[false, false], 0],
    [[true, true], 2],
    [[], 0],
  ])('%j → %i', (flags, index) => expect(partitionPoint(flags.length, (i) => flags[i]!)).toBe(index));
});

describe('directionOf', () => {
  it.each([
    ['next-mention', 1],
    ['previous-mention', -1],
    ['_execute_action', undefined],
    ['toString', undefined],
  ])('%s → %s', (command, direction) => expect(directionOf(command)).toBe(direction));
});
