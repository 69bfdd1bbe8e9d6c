import { describe, expect, it } from 'vitest';
import {
  ampHeightMessage,
  heightMessages,
  isHeightRequest,
  normalizeHeight,
  ownHeightMessage,
  pymMessage,
  readOwnHeight,
  wpHeightMessage,
  wpLinkMessage,
} from '../../src/lib/embed/messages';

describe('height messages', () => {
  it('speaks our own format and AMP always', () => {
    expect(heightMessages({ widget: 'timeline', height: 612, childId: null, secret: null })).toEqual([
      { source: 'the-reset', type: 'height', widget: 'timeline', height: 612 },
      { sentinel: 'amp', type: 'embed-size', height: 612 },
    ]);
  });

  it('adds pym.js and WordPress formats only when the URL asked for them', () => {
    const all = heightMessages({ widget: 'timeline', height: 612.2, childId: 'c-1', secret: 'abc123' });
    expect(all).toEqual([
      ownHeightMessage('timeline', 613),
      ampHeightMessage(613),
      'pymxPYMxc-1xPYMxheightxPYMx613',
      { message: 'height', value: 613, secret: 'abc123' },
    ]);
  });

  it('pym wire format matches pym.js (pymxPYMx<id>xPYMx<type>xPYMx<message>)', () => {
    expect(pymMessage('chart', 'height', 100)).toBe('pymxPYMxchartxPYMxheightxPYMx100');
    // The regex pym.Parent builds for id "chart":
    const re = new RegExp('^pymxPYMxchartxPYMx(\\S+)xPYMx(.*)$');
    expect(re.exec(pymMessage('chart', 'height', 100))?.slice(1)).toEqual(['height', '100']);
  });

  it('WordPress messages', () => {
    expect(wpHeightMessage('s3cr3t', 400)).toEqual({ message: 'height', value: 400, secret: 's3cr3t' });
    expect(wpLinkMessage('s3cr3t', 'https://x.test/chapters/a/')).toEqual({ message: 'link', value: 'https://x.test/chapters/a/', secret: 's3cr3t' });
  });

  it('never sends a nonsense height', () => {
    for (const h of [NaN, -1, 0, Infinity, -Infinity]) expect(heightMessages({ widget: 'w', height: h, childId: 'c', secret: 's' })).toEqual([]);
    expect(normalizeHeight(0.2)).toBe(1);
    expect(normalizeHeight(99_999)).toBe(10_000);
    expect(normalizeHeight(480.01)).toBe(481);
  });

  it('carries the height and nothing else of the page', () => {
    for (const m of heightMessages({ widget: 'w', height: 10, childId: 'c', secret: 's' })) {
      const s = JSON.stringify(m);
      expect(s).not.toMatch(/asOf|highlight|theme|url|href/i);
    }
  });
});

describe('reading our own height message (the loader rule)', () => {
  it('accepts sane numbers, rounding up', () => {
    expect(readOwnHeight({ source: 'the-reset', type: 'height', height: 500 })).toBe(500);
    expect(readOwnHeight({ source: 'the-reset', type: 'height', height: 0.5 })).toBe(1);
    expect(readOwnHeight({ source: 'the-reset', type: 'height', height: 10_000 })).toBe(10_000);
    expect(readOwnHeight({ source: 'the-reset', type: 'height', height: 499.1 })).toBe(500);
  });
  it('ignores NaN, strings, negatives, zero, huge and foreign messages', () => {
    for (const height of [NaN, '500', -5, 0, 10_001, 1e9, Infinity, null, undefined, {}]) {
      expect(readOwnHeight({ source: 'the-reset', type: 'height', height }), String(height)).toBeNull();
    }
    expect(readOwnHeight({ source: 'other', type: 'height', height: 10 })).toBeNull();
    expect(readOwnHeight({ source: 'the-reset', type: 'resize', height: 10 })).toBeNull();
    expect(readOwnHeight('pymxPYMxcxPYMxheightxPYMx10')).toBeNull();
    expect(readOwnHeight(null)).toBeNull();
  });
  it('recognises the loader\'s height request', () => {
    expect(isHeightRequest({ source: 'the-reset', type: 'request-height' })).toBe(true);
    expect(isHeightRequest({ source: 'x', type: 'request-height' })).toBe(false);
    expect(isHeightRequest('request-height')).toBe(false);
  });
});
