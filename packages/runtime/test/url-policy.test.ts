import { describe, expect, it } from 'vitest';
import { checkUrl, type UrlPolicy } from '@scs/runtime/url-policy';

async function reasonFor(url: string, policy: UrlPolicy = {}) {
  const result = await checkUrl(url, policy);
  return result.ok ? 'ok' : result.reason;
}

describe('checkUrl', () => {
  it('refuses schemes other than http and https, and malformed URLs', async () => {
    for (const url of ['ftp://93.184.216.34/', 'file:///etc/passwd', 'gopher://93.184.216.34/', 'javascript:alert(1)', 'data:text/html,x']) {
      expect(await reasonFor(url), url).toBe('scheme');
    }
    expect(await reasonFor('not a url')).toBe('invalid_url');
    expect(await reasonFor('/relative/path')).toBe('invalid_url');
  });

  it('refuses credentials in the URL', async () => {
    expect(await reasonFor('http://user:secret@93.184.216.34/')).toBe('credentials');
    expect(await reasonFor('https://user@93.184.216.34/')).toBe('credentials');
  });

  it('allows ports 80 and 443 and configured ones only', async () => {
    expect(await reasonFor('http://93.184.216.34:80/')).toBe('ok');
    expect(await reasonFor('http://93.184.216.34:443/')).toBe('ok');
    expect(await reasonFor('https://93.184.216.34/')).toBe('ok');
    expect(await reasonFor('http://93.184.216.34:8080/')).toBe('port');
    expect(await reasonFor('http://93.184.216.34:22/')).toBe('port');
    expect(await reasonFor('http://93.184.216.34:8080/', { allowedPorts: [8080] })).toBe('ok');
  });

  it.each([
    ['loopback', 'http://127.0.0.1/'],
    ['loopback (other)', 'http://127.8.9.10/'],
    ['loopback (hex, parsed by WHATWG)', 'http://0x7f.1/'],
    ['loopback (decimal)', 'http://2130706433/'],
    ['private 10/8', 'http://10.0.0.1/'],
    ['private 172.16/12', 'http://172.20.1.1/'],
    ['private 192.168/16', 'http://192.168.1.1/'],
    ['link-local', 'http://169.254.1.1/'],
    ['CGNAT', 'http://100.64.0.1/'],
    ['multicast', 'http://224.0.0.1/'],
    ['unspecified', 'http://0.0.0.0/'],
    ['this network', 'http://0.1.2.3/'],
    ['broadcast', 'http://255.255.255.255/'],
    ['reserved (class E)', 'http://240.0.0.1/'],
    ['reserved (TEST-NET-1)', 'http://192.0.2.1/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['IPv6 unique-local', 'http://[fc00::1]/'],
    ['IPv6 unique-local fd', 'http://[fd12:3456::1]/'],
    ['IPv6 multicast', 'http://[ff02::1]/'],
    ['IPv6 documentation', 'http://[2001:db8::1]/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped private', 'http://[::ffff:10.0.0.1]/'],
    ['IPv4-mapped private (hex form)', 'http://[::ffff:a00:1]/'],
    ['NAT64 of a private address', 'http://[64:ff9b::10.0.0.1]/'],
    ['6to4 of a private address', 'http://[2002:c0a8:0101::1]/'],
    // IPv4-compatible (::/96): ipaddr.js calls these unicast, but they embed an IPv4 address and are judged by it.
    ['IPv4-compatible loopback (hex)', 'http://[::7f00:1]/'],
    ['IPv4-compatible loopback (dotted)', 'http://[::127.0.0.1]/'],
    ['IPv4-compatible private 10/8', 'http://[::10.0.0.1]/'],
    ['IPv4-compatible private 192.168/16 (hex)', 'http://[::c0a8:1]/'],
    ['IPv4-compatible CGNAT', 'http://[::100.64.0.1]/'],
    ['SIIT of loopback', 'http://[::ffff:0:7f00:1]/'],
    ['local-use NAT64 of a private address', 'http://[64:ff9b:1::a00:1]/'],
    ['ISATAP of a private address under a public prefix', 'http://[2606:4700::5efe:10.0.0.1]/'],
    ['Teredo', 'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'],
    ['localhost', 'http://localhost/'],
    ['localhost with trailing dot', 'http://localhost./'],
  ])('refuses %s (%s)', async (_name, url) => {
    const result = await checkUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('private_address');
      expect(result.address).toBeDefined();
    }
  });

  it.each([
    ['AWS/GCP/Azure IPv4', 'http://169.254.169.254/latest/meta-data/'],
    ['AWS IPv6', 'http://[fd00:ec2::254]/'],
    ['IPv4-mapped metadata', 'http://[::ffff:169.254.169.254]/'],
    ['IPv4-compatible metadata (hex)', 'http://[::a9fe:a9fe]/'],
    ['IPv4-compatible metadata (dotted)', 'http://[::169.254.169.254]/'],
    ['NAT64 of metadata', 'http://[64:ff9b::a9fe:a9fe]/'],
    ['6to4 of metadata', 'http://[2002:a9fe:a9fe::1]/'],
    ['GCP host name', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['GCP host name, trailing dot and capitals', 'http://Metadata.Google.Internal./'],
  ])('refuses cloud metadata: %s', async (_name, url) => {
    expect(await reasonFor(url)).toBe('metadata_address');
    // A broad allowance for private space does not open metadata endpoints.
    expect(await reasonFor(url, { allowPrivateHosts: ['169.254.0.0/16', 'fc00::/7', '::ffff:0:0/96'] })).not.toBe('ok');
  });

  it('opens a metadata endpoint only when configuration names it exactly', async () => {
    expect(await reasonFor('http://169.254.169.254/', { allowPrivateHosts: ['169.254.169.254'] })).toBe('ok');
    expect(await reasonFor('http://169.254.169.254/', { allowPrivateHosts: ['169.254.169.254/32'] })).toBe('ok');
  });

  it.each([
    'http://93.184.216.34/',
    'https://1.1.1.1/dns-query',
    'http://8.8.8.8/',
    'http://[2606:4700:4700::1111]/',
    'http://[::ffff:93.184.216.34]/',
    'http://[64:ff9b::5db8:d822]/',
  ])('allows the public address %s', async (url) => {
    const result = await checkUrl(url);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.addresses.every((a) => !a.allowedByConfig && ['unicast', 'rfc6052'].includes(a.range))).toBe(true);
  });

  it('allows 127.0.0.1 when allowPrivateHosts names it, and nothing else private', async () => {
    const policy: UrlPolicy = { allowPrivateHosts: ['127.0.0.1'] };
    const result = await checkUrl('http://127.0.0.1/page', policy);
    expect(result).toMatchObject({
      ok: true,
      hostname: '127.0.0.1',
      port: 80,
      addresses: [{ address: '127.0.0.1', family: 4, range: 'loopback', allowedByConfig: true }],
    });
    expect(await reasonFor('http://127.0.0.2/', policy)).toBe('private_address');
    expect(await reasonFor('http://10.0.0.1/', policy)).toBe('private_address');
    expect(await reasonFor('http://[::ffff:127.0.0.1]/', policy)).toBe('ok');
    expect(await reasonFor('http://10.9.8.7/', { allowPrivateHosts: ['10.0.0.0/8'] })).toBe('ok');
    expect(await reasonFor('http://[fd12::1]/', { allowPrivateHosts: ['fd00::/8'] })).toBe('ok');
  });

  it('allows a host name listed in allowPrivateHosts whatever it resolves to', async () => {
    const resolver = async () => [{ address: '10.1.2.3', family: 4 }];
    expect(await reasonFor('http://intranet.test/', { resolver })).toBe('private_address');
    expect(await reasonFor('http://intranet.test/', { resolver, allowPrivateHosts: ['intranet.test'] })).toBe('ok');
  });

  it('checks every address a host resolves to, and refuses the host if any one is refused', async () => {
    const resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '192.168.0.10', family: 4 },
    ];
    const result = await checkUrl('http://mixed.test/', { resolver });
    expect(result).toMatchObject({ ok: false, reason: 'private_address', address: '192.168.0.10' });

    const both = await checkUrl('http://public.test/', {
      resolver: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
      ],
    });
    expect(both.ok && both.addresses.map((a) => a.family)).toEqual([4, 6]);
  });

  it('reports DNS failures and slow DNS as dns_failed', async () => {
    const nxdomain = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND does-not-exist.test'), { code: 'ENOTFOUND' });
    };
    expect(await reasonFor('http://does-not-exist.test/', { resolver: nxdomain })).toBe('dns_failed');
    expect(await reasonFor('http://empty.test/', { resolver: async () => [] })).toBe('dns_failed');
    const slow = () => new Promise<Array<{ address: string; family: number }>>((resolve) => setTimeout(() => resolve([]), 2_000));
    const started = Date.now();
    expect(await reasonFor('http://slow.test/', { resolver: slow, dnsTimeoutMs: 100 })).toBe('dns_failed');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
