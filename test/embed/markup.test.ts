// One escaper for the embeds and the Atom feeds: markup characters as entities, characters XML
// cannot hold as U+FFFD (never dropped), everything else unchanged.
import { describe, expect, it } from 'vitest';
import { esc } from '../../api/embed/markup.js';
import { xmlText } from '../../api/xml-text.js';

describe('the shared escaper', () => {
  it('is the one the embeds use', () => {
    expect(esc).toBe(xmlText);
  });
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`Tom & "Jerry's"`, 'Tom &amp; &quot;Jerry&#39;s&quot;'],
    ['bell \u0007 and null \u0000 and DEL \u007f', 'bell \uFFFD and null \uFFFD and DEL \uFFFD'],
    ['noncharacters \uFFFE \uFFFF', 'noncharacters \uFFFD \uFFFD'],
    ['lone \uD800 high and \uDC00 low', 'lone \uFFFD high and \uFFFD low'],
    ['tab\tnewline\ncarriage\r kept', 'tab\tnewline\ncarriage\r kept'],
    ['naïve 政府 😀 kept', 'naïve 政府 😀 kept'],
    [42, '42'],
  ])('%j -> %j', (input, output) => {
    expect(xmlText(input)).toBe(output);
  });
});
