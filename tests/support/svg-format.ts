/**
 * SVG as a reviewer reads it in a diff: one element per line, indented by depth, attributes in
 * alphabetical order, an element with only text on one line. For the SVG our renderer writes (no
 * comments, CDATA or processing instructions; attribute values in double quotes, text escaped), so a
 * golden of the formatted text changes exactly on the lines of the elements that changed. Throws on
 * anything it does not understand rather than guessing.
 */

const TOKEN = /<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
const ATTR = /([\w:-]+)="([^"]*)"/g;

interface Node {
  name: string;
  attrs: string;
  children: (Node | string)[];
}

/** The attributes of a start tag, sorted by name. */
function sortedAttrs(raw: string): string {
  const pairs = [...raw.matchAll(ATTR)].map((m) => [m[1]!, m[2]!] as const);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([k, v]) => ` ${k}="${v}"`).join('');
}

function parse(svg: string): Node {
  const root: Node = { name: '', attrs: '', children: [] };
  const stack = [root];
  TOKEN.lastIndex = 0;
  let at = 0;
  for (let m = TOKEN.exec(svg); m; m = TOKEN.exec(svg)) {
    at = TOKEN.lastIndex;
    const top = stack[stack.length - 1]!;
    const [, close, open, attrs, selfClosing, text] = m;
    if (close) {
      if (top.name !== close) throw new Error(`svg-format: </${close}> closes <${top.name}>`);
      stack.pop();
    } else if (open) {
      const node: Node = { name: open, attrs: sortedAttrs(attrs ?? ''), children: [] };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    } else if (text !== undefined && text.trim() !== '') {
      top.children.push(text);
    }
  }
  if (at !== svg.length) throw new Error(`svg-format: cannot read the SVG at char ${at}: ${svg.slice(at, at + 40)}`);
  if (stack.length !== 1) throw new Error(`svg-format: <${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

function write(node: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const head = `<${node.name}${node.attrs}`;
  if (node.children.length === 0) out.push(`${pad}${head}/>`);
  else if (node.children.every((c) => typeof c === 'string'))
    out.push(`${pad}${head}>${node.children.join('')}</${node.name}>`);
  else {
    out.push(`${pad}${head}>`);
    for (const c of node.children) {
      if (typeof c === 'string') out.push(`${pad}  ${c.trim()}`);
      else write(c, depth + 1, out);
    }
    out.push(`${pad}</${node.name}>`);
  }
}

/** The SVG formatted for a golden file (ends with a newline). */
export function formatSvg(svg: string): string {
  const out: string[] = [];
  for (const c of parse(svg.trim()).children) {
    if (typeof c === 'string') throw new Error('svg-format: text outside the root element');
    write(c, 0, out);
  }
  return `${out.join('\n')}\n`;
}
