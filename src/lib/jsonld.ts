/** Structured data (schema.org JSON-LD) for chapters: a NewsArticle with its dates, author, publisher and image. Pure. */

export interface ArticleInput {
  headline: string;
  description: string;
  /** Absolute URL of the chapter. */
  url: string;
  /** Absolute URL of its social card. */
  image: string;
  datePublished: string;
  dateModified: string;
  author: string;
  publisher: string;
  /** Absolute URL of the site (publisher and author home). */
  site: string;
  /** Absolute URL of the publisher's logo. */
  logo: string;
  /** Glossary terms and companies it is about. */
  keywords?: string[];
  section?: string;
}

export function newsArticle(a: ArticleInput): Record<string, unknown> {
  const org = (name: string) => ({ '@type': 'Organization', name, url: a.site });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.description,
    image: [a.image],
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    author: [org(a.author)],
    publisher: { ...org(a.publisher), logo: { '@type': 'ImageObject', url: a.logo, width: 512, height: 512 } },
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    inLanguage: 'en',
    isAccessibleForFree: true,
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords?.length ? { keywords: a.keywords.join(', ') } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the script element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
