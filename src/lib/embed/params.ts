/**
 * What an embed URL may ask for, validated. Everything here is pure: the embed page's client script and the embed
 * builder run these on location.search / location.hash, and the unit tests run them on hostile strings.
 *
 * Only known values ever come out: a date inside the widget's range, a highlight id the widget knows, one of three
 * themes, a boolean, a pym child id and a WordPress secret that match their strict patterns. Anything else (pym's
 * parentUrl and parentTitle, initialWidth, tracking parameters…) is ignored, and nothing is ever echoed as HTML.
 */
import { parseState, type StateRules, type WidgetState } from '../widget-state';
import { isWidgetId, type WidgetId } from '../widgets';

export const THEMES = ['auto', 'light', 'dark'] as const;
export type EmbedTheme = (typeof THEMES)[number];

/** `compact` (the default): the chart cut to fit an article; `full`: the whole explorer, as on /charts/. */
export const EMBED_VIEWS = ['compact', 'full'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

/** pym.js's child id, as the parent page passes it (?childId=…). */
export const CHILD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** WordPress's embed secret (#?secret=…): WordPress itself only ever generates [A-Za-z0-9]{10}. */
export const WP_SECRET_PATTERN = /^[A-Za-z0-9]{1,32}$/;

export interface EmbedParams {
  state: WidgetState;
  theme: EmbedTheme;
  /** Hide the title and takeaway (the host prints its own). */
  plain: boolean;
  view: EmbedView;
  /** pym.js child id: when set, heights are also sent in pym's string format. */
  childId: string | null;
  /** WordPress embed secret: when set, heights are also sent as WordPress's {message, value, secret}. */
  secret: string | null;
}

export function parseTheme(value: unknown): EmbedTheme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value) ? (value as EmbedTheme) : 'auto';
}

/** Anything but `full` is the compact default: an unknown view never breaks an embed that is already out there. */
export function parseView(value: unknown): EmbedView {
  return value === 'full' ? 'full' : 'compact';
}

export function parsePlain(value: unknown): boolean {
  return value === '1' || value === 'true';
}

export function parseChildId(value: unknown): string | null {
  return typeof value === 'string' && CHILD_ID_PATTERN.test(value) ? value : null;
}

/** WordPress appends `#?secret=XXXXXXXXXX` to the iframe URL of an oEmbed it does not trust. */
export function parseWpSecret(hash: string): string | null {
  if (typeof hash !== 'string' || hash.length > 256) return null;
  const query = hash.replace(/^#/, '').replace(/^\?/, '');
  const secret = new URLSearchParams(query).get('secret');
  return secret !== null && WP_SECRET_PATTERN.test(secret) ? secret : null;
}

/** First value of a parameter, or undefined: a repeated parameter cannot smuggle a second value past validation. */
function first(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) ?? undefined;
}

/** The state of an embed page from its own URL. */
export function parseEmbedParams(search: string, hash: string, rules: StateRules): EmbedParams {
  const p = new URLSearchParams(search);
  return {
    state: parseState({ asOf: first(p, 'asOf'), highlight: first(p, 'highlight') }, rules),
    theme: parseTheme(first(p, 'theme')),
    plain: parsePlain(first(p, 'plain')),
    view: parseView(first(p, 'view')),
    childId: parseChildId(first(p, 'childId')),
    secret: parseWpSecret(hash),
  };
}

/** What the embed builder (/embed/) reads from its own URL: ?widget=&asOf=&highlight=&theme=&plain=&view=. */
export interface BuilderParams {
  widget: WidgetId;
  state: WidgetState;
  theme: EmbedTheme;
  plain: boolean;
  view: EmbedView;
}

export function parseBuilderParams(search: string, available: readonly WidgetId[], rulesOf: (id: WidgetId) => StateRules): BuilderParams | null {
  if (available.length === 0) return null;
  const p = new URLSearchParams(search);
  const asked = first(p, 'widget');
  const widget = isWidgetId(asked) && available.includes(asked) ? asked : available[0]!;
  return {
    widget,
    state: parseState({ asOf: first(p, 'asOf'), highlight: first(p, 'highlight') }, rulesOf(widget)),
    theme: parseTheme(first(p, 'theme')),
    plain: parsePlain(first(p, 'plain')),
    view: parseView(first(p, 'view')),
  };
}
