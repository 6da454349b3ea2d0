import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderMinutes, safeHref } from './MinutesText';

const html = (markdown: string) => renderToStaticMarkup(createElement('section', null, ...renderMinutes(markdown)));

const ELEMENTS = new Set(['SECTION', 'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'CODE', 'HR', 'BR', 'STRONG', 'EM', 'S', 'A', 'SPAN', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
const ATTRIBUTES = new Set(['href', 'target', 'rel', 'start']);

/** Every element the browser would build from the rendered minutes, with what makes it dangerous. */
function findings(markup: string): string[] {
  const found: string[] = [];
  for (const element of new JSDOM(markup).window.document.body.querySelectorAll('*')) {
    if (!ELEMENTS.has(element.tagName)) found.push(`element ${element.tagName}`);
    for (const attribute of element.getAttributeNames()) if (!ATTRIBUTES.has(attribute)) found.push(`attribute ${attribute} on ${element.tagName}`);
    const href = element.getAttribute('href');
    if (href !== null && !/^(https:\/\/ok\.example|mailto:)/.test(href)) found.push(`href ${href}`);
  }
  return found;
}

describe('minutes as formatted text', () => {
  it('should format headings, lists, emphasis, tables and safe links', () => {
    const out = html('# Протокол\n\n- **24** жителя\n- *улицы*\n\n1. first\n2. second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[district](https://isfara.example/x)');
    expect(out).toContain('<h1>Протокол</h1>');
    expect(out).toContain('<ul><li><strong>24</strong> жителя</li><li><em>улицы</em></li></ul>');
    expect(out).toContain('<ol><li>first</li><li>second</li></ol>');
    expect(out).toContain('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>');
    expect(out).toContain('<a href="https://isfara.example/x" target="_blank" rel="noopener noreferrer nofollow">district</a>');
  });

  // Payloads from the OWASP XSS filter evasion cheat sheet, as minutes text.
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](  javascript:alert(1))',
    '[click](&#106;avascript:alert(1))',
    '[click](vbscript:msgbox(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1))',
    '<iframe src="https://evil.example"></iframe>',
    '![pixel](https://tracker.example/p.gif)',
    '![x](javascript:alert(1))',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<details open ontoggle=alert(1)>',
    '<<script>script>alert(1)<</script>/script>',
    '[a](https://ok.example)<b onmouseover=alert(1)>x</b>',
    '```\n<script>alert(1)</script>\n```',
  ];

  it.each(payloads)('should let nothing executable or remote through: %s', (payload) => {
    const out = html(`Minutes\n\n${payload}\n\ntext after`);
    expect(findings(out)).toEqual([]);
    expect(out).toContain('text after');
  });

  it('should keep raw HTML visible as text, so nothing typed is lost', () => {
    expect(html('<script>alert(1)</script>')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('should show an image as its alt text without loading it', () => {
    expect(html('![district map](https://tracker.example/p.gif)')).toBe('<section><p>district map</p></section>');
  });

  it('should keep only http, https and mailto links', () => {
    expect(safeHref('https://a.example')).toBe('https://a.example');
    expect(safeHref('mailto:office@isfara.example')).toBe('mailto:office@isfara.example');
    for (const href of ['javascript:alert(1)', ' javascript:x', 'data:text/html,x', 'vbscript:x', '/api/v1/me', '//evil.example', 'file:///etc/passwd']) expect(safeHref(href)).toBeNull();
  });
});
