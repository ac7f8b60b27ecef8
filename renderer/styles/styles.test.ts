/**
 * The stylesheet's rules: every colour is a token (a literal only in tokens.css), there is one
 * print block (print.css), every custom property used is defined and every token is used, and
 * index.css imports every file here once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.css'))
  .sort();
const text = (name: string): string =>
  readFileSync(join(DIR, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (comment) =>
    comment.replace(/[^\n]/g, ' '),
  );

/** Every `property: value` inside a rule, with its line number. */
function declarations(name: string): { property: string; value: string; line: number }[] {
  const found: { property: string; value: string; line: number }[] = [];
  const source = text(name);
  const pattern = /([\w-]+)\s*:\s*([^;{}]+)(?=[;}])/g;
  for (const match of source.matchAll(pattern)) {
    const before = source.slice(0, match.index);
    // Inside a block: more `{` than `}` before it (selectors like `a:focus {` have no `;` or `}` after).
    if ((before.match(/\{/g) ?? []).length <= (before.match(/\}/g) ?? []).length) continue;
    found.push({
      property: match[1] ?? '',
      value: (match[2] ?? '').trim(),
      line: before.split('\n').length,
    });
  }
  return found;
}

// CSS Color 4 named colours (transparent and currentColor are allowed: they are not a colour of ours).
const NAMED_COLOURS = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
  brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue
  darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange
  darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise
  darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen
  fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred
  indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
  lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
  lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta
  maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
  mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
  navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen
  paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple
  red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue
  slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet
  wheat white whitesmoke yellow yellowgreen`.split(/\s+/),
);
const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\(/i;

/** The colour literals in a value: hex, colour functions, named colours. */
function colourLiterals(value: string): string[] {
  const withoutVars = value.replace(/var\([^)]*\)/g, '');
  const hits = [...withoutVars.matchAll(/#[0-9a-f]{3,8}\b/gi)].map((match) => match[0]);
  if (COLOUR_FUNCTION.test(withoutVars)) hits.push(COLOUR_FUNCTION.exec(withoutVars)?.[0] ?? '');
  for (const word of withoutVars.replace(/'[^']*'|"[^"]*"/g, '').match(/[a-z-]+/gi) ?? []) {
    if (NAMED_COLOURS.has(word.toLowerCase())) hits.push(word);
  }
  return hits;
}

describe('styles', () => {
  it('finds the stylesheet files', () => {
    expect(files).toEqual(expect.arrayContaining(['index.css', 'tokens.css', 'base.css', 'print.css']));
  });

  it('has no colour literal outside tokens.css', () => {
    const found = files
      .filter((name) => name !== 'tokens.css')
      .flatMap((name) =>
        declarations(name).flatMap(({ property, value, line }) =>
          colourLiterals(value).map((hit) => `${name}:${String(line)} ${property}: ${value} (${hit})`),
        ),
      );
    expect(found).toEqual([]);
  });

  it('has only custom properties in tokens.css', () => {
    const other = declarations('tokens.css').filter(({ property }) => !property.startsWith('--'));
    expect(other).toEqual([]);
  });

  it('has one @media print block, in print.css', () => {
    const blocks = files.flatMap((name) => [...text(name).matchAll(/@media[^{]*\bprint\b/g)].map(() => name));
    expect(blocks).toEqual(['print.css']);
  });

  it('defines every custom property it uses, and uses every one it defines', () => {
    const defined = new Set(
      files.flatMap((name) =>
        declarations(name)
          .map(({ property }) => property)
          .filter((property) => property.startsWith('--')),
      ),
    );
    const used = new Set(
      files.flatMap((name) => [...text(name).matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1])),
    );
    expect([...used].filter((name) => name !== undefined && !defined.has(name))).toEqual([]);
    expect([...defined].filter((name) => !used.has(name))).toEqual([]);
  });

  it('imports every other stylesheet from index.css once, tokens first and print last', () => {
    const imports = [...text('index.css').matchAll(/@import\s+'\.\/([\w-]+\.css)'/g)].map((m) => m[1]);
    expect([...imports].sort()).toEqual(files.filter((name) => name !== 'index.css'));
    expect(imports[0]).toBe('tokens.css');
    expect(imports.at(-1)).toBe('print.css');
  });
});
