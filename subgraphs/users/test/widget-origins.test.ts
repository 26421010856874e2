import { describe, expect, it } from 'vitest';
import { MAX_WIDGET_ORIGINS, normaliseOrigins, parseOrigin } from '../src/services/widget-origins.js';

describe('widget origins', () => {
  it('normalises http(s) origins: case, default ports, a trailing slash, IDNs', () => {
    expect(parseOrigin(' HTTPS://Shop.Example.COM:443/ ')).toEqual({ origin: 'https://shop.example.com' });
    expect(parseOrigin('http://shop.example.com:80')).toEqual({ origin: 'http://shop.example.com' });
    expect(parseOrigin('https://shop.example.com:8443')).toEqual({ origin: 'https://shop.example.com:8443' });
    expect(parseOrigin('http://127.0.0.1:5173')).toEqual({ origin: 'http://127.0.0.1:5173' });
    expect(parseOrigin('http://[::1]:8080')).toEqual({ origin: 'http://[::1]:8080' });
    expect(parseOrigin('https://bücher.example')).toEqual({ origin: 'https://xn--bcher-kva.example' });
  });

  it('refuses anything that is not exactly an http(s) origin', () => {
    for (const value of [
      '',
      'shop.example.com',
      '//shop.example.com',
      'ftp://shop.example.com',
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'https://shop.example.com/help',
      'https://shop.example.com/?',
      'https://shop.example.com#top',
      'https://user:pw@shop.example.com',
      'https://*.example.com',
      'https://shop_example.com',
      'null',
      `https://${'a'.repeat(300)}.com`,
    ]) {
      expect(parseOrigin(value), value).toHaveProperty('problem');
    }
  });

  it('deduplicates after normalising, and names the first bad entry', () => {
    expect(normaliseOrigins(['https://a.example', 'HTTPS://A.example/', 'http://a.example'])).toEqual({ origins: ['https://a.example', 'http://a.example'] });
    expect(normaliseOrigins([])).toEqual({ origins: [] });
    expect(normaliseOrigins(['https://a.example', 'https://b.example/path'])).toEqual({
      problem: '"https://b.example/path" must be an origin only, without a path (e.g. https://www.example.com).',
    });
    expect(normaliseOrigins(Array.from({ length: MAX_WIDGET_ORIGINS + 1 }, (_, i) => `https://s${i}.example`))).toHaveProperty('problem');
  });
});
