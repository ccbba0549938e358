/** A strict little XML reader for tests: throws on anything not well-formed, returns the element tree. */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NAME = '[A-Za-z_][\\w.:-]*';

function decode(raw: string, where: string): string {
  if (INVALID_CHAR.test(raw)) throw new Error(`invalid XML character in ${where}`);
  if (raw.replace(ENTITY, '').includes('&')) throw new Error(`bare & in ${where}: ${raw}`);
  if (raw.includes('<')) throw new Error(`bare < in ${where}: ${raw}`);
  return raw.replace(ENTITY, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e] !== undefined) return named[e];
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function parseAttrs(raw: string, tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const rest = raw.replace(new RegExp(`\\s+(${NAME})="([^"]*)"`, 'g'), (_, name: string, value: string) => {
    if (name in attrs) throw new Error(`duplicate attribute ${name} on <${tag}>`);
    attrs[name] = decode(value, `attribute ${name} of <${tag}>`);
    return '';
  });
  if (rest.trim() !== '') throw new Error(`malformed attributes on <${tag}>: ${rest}`);
  return attrs;
}

/** Parse a document; throws with a reason when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml [^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, (c) => {
    if (c.slice(4, -3).includes('--')) throw new Error('-- inside a comment');
    return '';
  });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}="[^"]*")*)\\s*(/?)>|([^<]+)|(<)`, 'g');
  for (const match of body.matchAll(token)) {
    const [, closing, name, rawAttrs, selfClosing, text, stray] = match;
    const top = stack[stack.length - 1] as XmlElement;
    if (stray !== undefined) throw new Error(`stray < at ${match.index}`);
    if (text !== undefined) {
      top.text += decode(text, `text of <${top.name}>`);
    } else if (closing === '/') {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const element: XmlElement = {
        name: name as string,
        attrs: parseAttrs(rawAttrs ?? '', name as string),
        children: [],
        text: '',
      };
      top.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '')
    throw new Error('a document needs exactly one root element');
  return root.children[0] as XmlElement;
}

/** Every element named `name` below (and including) `element`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const own = element.name === name ? [element] : [];
  return [...own, ...element.children.flatMap((child) => findAll(child, name))];
}
