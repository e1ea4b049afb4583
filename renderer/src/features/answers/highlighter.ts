import type { HighlighterCore, LanguageRegistration, ThemedToken } from 'shiki/core';
import { createMemoCache } from './memo-cache';

type LanguageModule = Promise<{ default: LanguageRegistration[] }>;

/**
 * The languages answers are highlighted in, each loaded the first time a block needs it. Shiki runs
 * on its JavaScript regex engine: no WebAssembly and no eval, so the page's strict CSP holds.
 */
const languages: Record<string, () => LanguageModule> = {
  bash: () => import('shiki/langs/shellscript.mjs'),
  c: () => import('shiki/langs/c.mjs'),
  cpp: () => import('shiki/langs/cpp.mjs'),
  csharp: () => import('shiki/langs/csharp.mjs'),
  css: () => import('shiki/langs/css.mjs'),
  diff: () => import('shiki/langs/diff.mjs'),
  dockerfile: () => import('shiki/langs/dockerfile.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  graphql: () => import('shiki/langs/graphql.mjs'),
  html: () => import('shiki/langs/html.mjs'),
  ini: () => import('shiki/langs/ini.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  javascript: () => import('shiki/langs/javascript.mjs'),
  json: () => import('shiki/langs/json.mjs'),
  jsx: () => import('shiki/langs/jsx.mjs'),
  kotlin: () => import('shiki/langs/kotlin.mjs'),
  latex: () => import('shiki/langs/latex.mjs'),
  lua: () => import('shiki/langs/lua.mjs'),
  makefile: () => import('shiki/langs/makefile.mjs'),
  markdown: () => import('shiki/langs/markdown.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  powershell: () => import('shiki/langs/powershell.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  r: () => import('shiki/langs/r.mjs'),
  ruby: () => import('shiki/langs/ruby.mjs'),
  rust: () => import('shiki/langs/rust.mjs'),
  scss: () => import('shiki/langs/scss.mjs'),
  sql: () => import('shiki/langs/sql.mjs'),
  swift: () => import('shiki/langs/swift.mjs'),
  toml: () => import('shiki/langs/toml.mjs'),
  tsx: () => import('shiki/langs/tsx.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  xml: () => import('shiki/langs/xml.mjs'),
  yaml: () => import('shiki/langs/yaml.mjs'),
};

const aliases: Record<string, string> = {
  sh: 'bash',
  shell: 'bash',
  shellscript: 'bash',
  zsh: 'bash',
  console: 'bash',
  'c++': 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  docker: 'dockerfile',
  golang: 'go',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsonc: 'json',
  kt: 'kotlin',
  tex: 'latex',
  md: 'markdown',
  ps1: 'powershell',
  py: 'python',
  rb: 'ruby',
  rs: 'rust',
  ts: 'typescript',
  yml: 'yaml',
  svg: 'xml',
};

/** Above this, a block is shown as plain text: tokenising it would hold the page up. */
export const maxHighlightedLength = 20_000;
const maxHighlightedLineLength = 2_000;

export const lightTheme = 'github-light-default';
export const darkTheme = 'github-dark-default';

/** The highlighter's name for a fence's language, or null when it is not one we highlight. */
export function languageId(language: string): string | null {
  const name = language.toLowerCase();
  const id = aliases[name] ?? name;
  return id in languages ? id : null;
}

export function isHighlightable(code: string): boolean {
  return (
    code.length <= maxHighlightedLength && code.split('\n').every((line) => line.length <= maxHighlightedLineLength)
  );
}

let highlighter: Promise<HighlighterCore> | null = null;
/** Each loaded language's registered name, by our id. */
const loaded = new Map<string, Promise<string>>();

async function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return highlighter;
}

/**
 * Tokens of a code block, each with both themes' colours as `--shiki-light` / `--shiki-dark`
 * (the stylesheet picks one); null when the language is not highlighted or the block is too big.
 */
export function highlight(code: string, language: string): Promise<ThemedToken[][] | null> {
  return highlighted.get(`${language}\u0000${code}`);
}

/** Blocks highlighted lately, by language and code: 8 panes showing the same code, a list scrolled back. */
export const highlightCacheSize = 200;
const highlighted = createMemoCache((key) => {
  const cut = key.indexOf('\u0000');
  const tokens = tokensOf(key.slice(cut + 1), key.slice(0, cut));
  // A failure is not kept: the block is tried again the next time it is drawn.
  tokens.catch(() => highlighted.forget(key));
  return tokens;
}, highlightCacheSize);

async function tokensOf(code: string, language: string): Promise<ThemedToken[][] | null> {
  const id = languageId(language);
  if (!id || !isHighlightable(code)) return null;
  const core = await getHighlighter();
  if (!loaded.has(id)) {
    const registered = languages[id]!().then(async (module) => {
      await core.loadLanguage(module.default);
      // Embedded languages come first; the block's own is the last.
      return module.default.at(-1)!.name;
    });
    loaded.set(id, registered);
  }
  const lang = await loaded.get(id)!;
  return core.codeToTokens(code, { lang, themes: { light: lightTheme, dark: darkTheme }, defaultColor: false }).tokens;
}
