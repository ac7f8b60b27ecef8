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

/** The declarations of the first rule whose selector is exactly `selector` in `name`, as a map. */
function rule(name: string, selector: string): Map<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^}]*)\\}`).exec(text(name));
  const body = match?.[1] ?? '';
  return new Map(
    [...body.matchAll(/([\w-]+)\s*:\s*([^;]+);/g)].map((found) => [found[1] ?? '', (found[2] ?? '').trim()]),
  );
}

/** Relative luminance of `#rrggbb` (WCAG 2). */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('the shell and the hints', () => {
  it('scrolls the content area inside the shell, which fills the window, and prints it whole', () => {
    expect(rule('shell.css', '.shell').get('height')).toBe('100vh');
    expect(rule('shell.css', '.shell').get('grid-template-rows')).toBe('auto minmax(0, 1fr) auto');
    expect(rule('shell.css', '.content').get('overflow-y')).toBe('auto');
    expect(rule('shell.css', '.nav').get('overflow-y')).toBe('auto');
    expect(rule('print.css', '.shell').get('height')).toBe('auto');
    expect(rule('print.css', '.content').get('overflow')).toBe('visible');
  });

  it('writes a shortcut hint inside a primary button in a tone readable on it (4.5:1 or more)', () => {
    expect(rule('detail.css', '.actions__buttons .button--primary kbd').get('color')).toBe(
      'var(--on-primary-muted)',
    );
    const tokens = rule('tokens.css', ':root');
    const primary = tokens.get('--primary') ?? '';
    const rgba = /rgba\(255, 255, 255, ([\d.]+)\)/.exec(tokens.get('--on-primary-muted') ?? '');
    const alpha = Number(rgba?.[1] ?? 0);
    // The hint's colour over the button: white at `alpha` blended with the primary colour.
    const blended = `#${[1, 3, 5]
      .map((offset) => {
        const under = Number.parseInt(primary.slice(offset, offset + 2), 16);
        return Math.round(255 * alpha + under * (1 - alpha))
          .toString(16)
          .padStart(2, '0');
      })
      .join('')}`;
    const contrast = (luminance(blended) + 0.05) / (luminance(primary) + 0.05);
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });
});
