import { Lexer, type Token, type Tokens } from 'marked';
import { defineComponent, h, type PropType, type VNodeChild } from 'vue';
import { safeHttpUrl, splitCitations } from '../composables/answerText';

/** A citation as the answer refers to it: `[index]` in the text links to `href` (http(s) only). */
export interface MarkdownCitation {
  index: number;
  href: string | null;
  title: string | null;
  snippet: string | null;
}

/**
 * An answer's markdown (the model writes it, from crawled text: hostile) rendered as Vue nodes
 * straight from marked's tokens, never through an HTML string: raw HTML in the answer stays visible
 * text, links are kept only when http(s), images are shown as links (no request to a URL the
 * answer chose), and `[n]` markers become citation links. Re-lexed on every token while an answer
 * streams; answers are a few kilobytes, so that costs well under a millisecond.
 */
export default defineComponent({
  name: 'AnswerMarkdown',
  props: {
    text: { type: String, required: true },
    citations: { type: Array as PropType<readonly MarkdownCitation[]>, default: () => [] },
    /** Prefix of the ids of the sources' descriptions (`${describedByPrefix}-${index}`). */
    describedByPrefix: { type: String, default: null },
  },
  setup(props) {
    const citeLink = (citation: MarkdownCitation, marker: string): VNodeChild =>
      citation.href
        ? h(
            'a',
            {
              class: 'cite',
              href: citation.href,
              target: '_blank',
              rel: 'noopener noreferrer',
              title: [citation.title, citation.snippet].filter(Boolean).join(' — ') || undefined,
              'aria-describedby': props.describedByPrefix ? `${props.describedByPrefix}-${citation.index}` : undefined,
            },
            [`[${citation.index}]`, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')],
          )
        : marker;

    const text = (value: string): VNodeChild[] =>
      splitCitations(value, props.citations).map((segment) => (segment.kind === 'text' ? segment.text : citeLink(segment.citation, segment.marker)));

    const inline = (tokens: readonly Token[] | undefined): VNodeChild[] => (tokens ?? []).flatMap(inlineToken);

    function inlineToken(token: Token): VNodeChild[] {
      switch (token.type) {
        case 'strong':
          return [h('strong', inline((token as Tokens.Strong).tokens))];
        case 'em':
          return [h('em', inline((token as Tokens.Em).tokens))];
        case 'del':
          return [h('del', inline((token as Tokens.Del).tokens))];
        case 'codespan':
          return [h('code', (token as Tokens.Codespan).text)];
        case 'br':
          return [h('br')];
        case 'link': {
          const link = token as Tokens.Link;
          const href = safeHttpUrl(link.href);
          const children = inline(link.tokens);
          return href ? [h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, children)] : children;
        }
        case 'image': {
          const image = token as Tokens.Image;
          const href = safeHttpUrl(image.href);
          const label = image.text || 'picture';
          return href ? [h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, label)] : [label];
        }
        case 'text': {
          const nested = (token as Tokens.Text).tokens;
          return nested ? inline(nested) : text((token as Tokens.Text).text);
        }
        case 'escape':
        case 'html':
          return text((token as Tokens.Escape | Tokens.HTML).text);
        default:
          return 'raw' in token && typeof token.raw === 'string' ? text(token.raw) : [];
      }
    }

    function block(token: Token): VNodeChild {
      switch (token.type) {
        case 'space':
        case 'def':
          return null;
        case 'heading':
          // Headings inside an answer are sub-points of one message, not page structure.
          return h('p', { class: 'md-heading' }, [h('strong', inline((token as Tokens.Heading).tokens))]);
        case 'paragraph':
          return h('p', inline((token as Tokens.Paragraph).tokens));
        case 'text': {
          const t = token as Tokens.Text;
          return h('p', t.tokens ? inline(t.tokens) : text(t.text));
        }
        case 'code':
          return h('pre', [h('code', (token as Tokens.Code).text)]);
        case 'blockquote':
          return h('blockquote', (token as Tokens.Blockquote).tokens.map(block));
        case 'hr':
          return h('hr');
        case 'list': {
          const list = token as Tokens.List;
          const items = list.items.map((item) =>
            h(
              'li',
              item.tokens.map((child) =>
                // Tight lists wrap their text in a block `text` token: keep it inline, not a <p>.
                child.type === 'text' && !list.loose ? h('span', inline((child as Tokens.Text).tokens ?? [child])) : block(child),
              ),
            ),
          );
          return list.ordered ? h('ol', { start: typeof list.start === 'number' ? list.start : undefined }, items) : h('ul', items);
        }
        case 'table': {
          const table = token as Tokens.Table;
          return h('div', { class: 'md-table' }, [
            h('table', [
              h('thead', [
                h(
                  'tr',
                  table.header.map((cell) => h('th', { scope: 'col' }, inline(cell.tokens))),
                ),
              ]),
              h(
                'tbody',
                table.rows.map((row) =>
                  h(
                    'tr',
                    row.map((cell) => h('td', inline(cell.tokens))),
                  ),
                ),
              ),
            ]),
          ]);
        }
        case 'html':
          return h('p', text((token as Tokens.HTML).text));
        default:
          return 'raw' in token && typeof token.raw === 'string' ? h('p', text(token.raw)) : null;
      }
    }

    return () => h('div', { class: 'md' }, Lexer.lex(props.text, { gfm: true, breaks: false }).map(block));
  },
});
