import { describe, expect, it } from 'vitest';
import { jumpMilestone, snapDate, snapDaysFor, stepDate } from '../../src/timeline/milestones.ts';

const range = { start: '2024-09-01', end: '2026-12-31' };
const ms = ['2024-09-27', '2025-09-30', '2026-01-17', '2026-02-11', '2026-09-30'];

describe('slider moves', () => {
  it('steps a week and stays in range', () => {
    expect(stepDate('2025-01-01', 1, range)).toBe('2025-01-08');
    expect(stepDate('2024-09-03', -1, range)).toBe('2024-09-01');
    expect(stepDate('2026-12-30', 1, range)).toBe('2026-12-31');
  });
  it('jumps between milestones', () => {
    expect(jumpMilestone('2025-01-01', 1, ms, range)).toBe('2025-09-30');
    expect(jumpMilestone('2025-09-30', 1, ms, range)).toBe('2026-01-17');
    expect(jumpMilestone('2025-09-30', -1, ms, range)).toBe('2024-09-27');
    expect(jumpMilestone('2024-09-27', -1, ms, range)).toBe('2024-09-01');
    expect(jumpMilestone('2026-10-01', 1, ms, range)).toBe('2026-12-31');
  });
  it('snaps to a milestone within the tolerance only', () => {
    expect(snapDate('2026-01-14', ms, 5)).toBe('2026-01-17');
    expect(snapDate('2026-01-10', ms, 5)).toBe('2026-01-10');
    expect(snapDate('2026-02-13', ms, 5)).toBe('2026-02-11');
  });

  it('snaps only where a pixel of the track spans more than a day, so every day is reachable on a desktop', () => {
    // 851 days over a 830 px desktop track: no snapping; 12 February 2026 stays 12 February.
    expect(snapDaysFor(851, 830)).toBe(0);
    expect(snapDate('2026-02-12', ms, snapDaysFor(851, 830))).toBe('2026-02-12');
    // Over a 330 px phone track (2.6 days a pixel): one day.
    expect(snapDaysFor(851, 330)).toBe(1);
    expect(snapDaysFor(851, 0)).toBe(0);
  });
});
