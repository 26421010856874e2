import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AnswerMarkdown, { type MarkdownCitation } from '../src/components/AnswerMarkdown';

const CITATIONS: MarkdownCitation[] = [
  { index: 1, href: 'https://docs.example.com/accounts#reset', title: 'Accounts', snippet: 'Reset your password from the sign-in page.' },
  { index: 2, href: null, title: 'Unsafe', snippet: null },
];

const render = (text: string, citations = CITATIONS) => mount(AnswerMarkdown, { props: { text, citations, describedByPrefix: 'm1-src' } });

describe('AnswerMarkdown', () => {
  it('renders markdown structure: emphasis, lists, code, tables', () => {
    const view = render('Steps:\n\n1. Open **Settings**\n2. Choose *Security*\n\n`code` and\n\n```\nnpm run up\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(
      view
        .find('ol')
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(['Open Settings', 'Choose Security']);
    expect(view.find('strong').text()).toBe('Settings');
    expect(view.find('em').text()).toBe('Security');
    expect(view.find('pre code').text()).toBe('npm run up');
    expect(view.findAll('th').map((th) => th.text())).toEqual(['a', 'b']);
    expect(view.findAll('td').map((td) => td.text())).toEqual(['1', '2']);
  });

  it('turns [n] markers into citation links to the page anchor, described by the source', () => {
    const view = render('Use the reset link [1]. See also [2] and [7].');
    const links = view.findAll('a.cite');
    expect(links).toHaveLength(1);
    expect(links[0]!.attributes('href')).toBe('https://docs.example.com/accounts#reset');
    expect(links[0]!.attributes('aria-describedby')).toBe('m1-src-1');
    expect(links[0]!.attributes('title')).toBe('Accounts — Reset your password from the sign-in page.');
    // A citation without a safe link, and a marker without a citation, stay text.
    expect(view.text()).toContain('See also [2] and [7].');
  });

  it('never turns hostile content into markup: raw HTML stays text, unsafe links and images are not followed', () => {
    const view = render(
      'Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n[click](javascript:alert(3)) ![tracker](https://evil.example/pixel.png) [ok](https://example.com/a)',
    );
    expect(view.find('img').exists()).toBe(false);
    expect(view.find('script').exists()).toBe(false);
    expect(view.text()).toContain('<img src=x onerror="alert(1)">');
    const hrefs = view.findAll('a').map((a) => a.attributes('href'));
    expect(hrefs).toEqual(['https://evil.example/pixel.png', 'https://example.com/a']);
    expect(view.html()).not.toContain('javascript:');
    expect(view.findAll('a').every((a) => a.attributes('rel')?.includes('noopener'))).toBe(true);
  });

  it('renders a half-streamed answer without losing text', () => {
    const view = render('The steps are:\n\n- first [1]\n- sec');
    expect(view.findAll('li').map((li) => li.text())).toEqual(['first [1] (opens in a new tab)', 'sec']);
  });
});
