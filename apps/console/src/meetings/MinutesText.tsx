import Box from '@mui/material/Box';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { createElement, type ReactNode } from 'react';

/**
 * Minutes are markdown (ADR 11). They are shown as formatted text built as React elements from markdown-it's tokens,
 * never through innerHTML (ADR 40): raw HTML is not parsed (`html: false`, so `<script>` is text), only the elements
 * listed in ALLOWED are made, with no attribute but a link's href (http, https or mailto only; a `javascript:` link
 * stays plain text), and images are shown as their alt text (nothing is loaded from another origin, no tracking pixel).
 */
const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true });

const ALLOWED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr', 'br', 'strong', 'em', 's', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const SAFE_HREF = /^(https?:|mailto:)/i;

/** The href a link keeps, or null when it is not http(s) or mailto (relative, javascript:, data:, vbscript:, …). */
export function safeHref(href: string | null | undefined): string | null {
  const trimmed = (href ?? '').trim();
  return SAFE_HREF.test(trimmed) ? trimmed : null;
}

interface Node {
  tag: string;
  href?: string | null;
  start?: number;
  children: (Node | string)[];
}

/** markdown-it's tokens (block and inline) as a tree of elements and text. */
function toTree(markdown: string): Node {
  const root: Node = { tag: '', children: [] };
  const stack: Node[] = [root];
  const top = () => stack[stack.length - 1];
  const walk = (list: Token[]) => {
    for (const token of list) {
      // Paragraphs of tight lists are hidden: their text goes straight into the item.
      if (token.hidden) continue;
      if (token.type === 'inline') {
        walk(token.children ?? []);
      } else if (token.type === 'text' || token.type === 'html_inline' || token.type === 'html_block') {
        top().children.push(token.content);
      } else if (token.type === 'image') {
        // The alt text only: never a request to wherever the source points.
        top().children.push(token.content || (token.children ?? []).map((child) => child.content).join(''));
      } else if (token.type === 'code_inline') {
        top().children.push({ tag: 'code', children: [token.content] });
      } else if (token.type === 'code_block' || token.type === 'fence') {
        top().children.push({ tag: 'pre', children: [{ tag: 'code', children: [token.content] }] });
      } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
        top().children.push({ tag: 'br', children: [] });
      } else if (token.type === 'hr') {
        top().children.push({ tag: 'hr', children: [] });
      } else if (token.nesting === 1) {
        const node: Node = { tag: token.tag, children: [] };
        if (token.tag === 'a') node.href = safeHref(String(token.attrGet('href') ?? ''));
        if (token.tag === 'ol') node.start = Number(token.attrGet('start') ?? 1) || 1;
        top().children.push(node);
        stack.push(node);
      } else if (token.nesting === -1) {
        if (stack.length > 1) stack.pop();
      } else if (token.content) {
        top().children.push(token.content);
      }
    }
  };
  walk(parser.parse(markdown, {}));
  return root;
}

function toElements(nodes: (Node | string)[], key = ''): ReactNode[] {
  return nodes.map((node, index) => {
    if (typeof node === 'string') return node;
    const children = toElements(node.children, `${key}${index}.`);
    if (!ALLOWED.has(node.tag)) return createElement('span', { key: `${key}${index}` }, ...children);
    if (node.tag === 'a') {
      return node.href
        ? createElement('a', { key: `${key}${index}`, href: node.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, ...children)
        : createElement('span', { key: `${key}${index}` }, ...children);
    }
    if (node.tag === 'ol' && node.start && node.start !== 1) return createElement('ol', { key: `${key}${index}`, start: node.start }, ...children);
    if (node.tag === 'br' || node.tag === 'hr') return createElement(node.tag, { key: `${key}${index}` });
    return createElement(node.tag, { key: `${key}${index}` }, ...children);
  });
}

/** The minutes' markdown as React elements (safe by construction: see the comment at the top). */
export function renderMinutes(markdown: string): ReactNode[] {
  return toElements(toTree(markdown).children);
}

/** Formatted minutes: the same on the meeting page, while approving, in the preview and in print. */
export const MinutesText = ({ body, testId = 'minutes-text' }: { body: string; testId?: string }) => (
  <Box
    data-testid={testId}
    className="minutes-text"
    sx={{
      overflowWrap: 'anywhere',
      '& h1': { fontSize: '1.5rem', mt: 2, mb: 1 },
      '& h2': { fontSize: '1.3rem', mt: 2, mb: 1 },
      '& h3, & h4, & h5, & h6': { fontSize: '1.1rem', mt: 1.5, mb: 0.5 },
      '& p': { my: 1 },
      '& table': { borderCollapse: 'collapse' },
      '& th, & td': { border: '1px solid', borderColor: 'divider', px: 1, py: 0.5, textAlign: 'left' },
      '& pre': { whiteSpace: 'pre-wrap', bgcolor: 'action.hover', p: 1 },
      '& blockquote': { borderLeft: '4px solid', borderColor: 'divider', ml: 0, pl: 2 },
    }}
  >
    {renderMinutes(body)}
  </Box>
);
