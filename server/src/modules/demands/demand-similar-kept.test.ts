import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { idFloorAt } from './demand-similar-kept.ts';

describe('idFloorAt (where a kept answer is topped up from)', () => {
  it('sorts before every id made from that moment on and after every id made a millisecond earlier', () => {
    const now = Date.now();
    const floor = idFloorAt(now);
    const made = uuidv7();
    expect(made > floor).toBe(true);
    expect(idFloorAt(now + 60_000) > made).toBe(true);
    expect(idFloorAt(now - 1) < floor).toBe(true);
    expect(floor).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-0000-0000-000000000000$/);
  });
});
