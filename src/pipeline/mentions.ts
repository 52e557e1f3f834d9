import { findTimeExpressions } from './time/index.ts';
import type { Article, Mention, Sentence } from './types.ts';

/** Time expressions of one sentence, resolved against the article's publication date. */
export function mentionsOfSentence(article: Article, sentence: Sentence): Mention[] {
  return findTimeExpressions(sentence.text, { published: article.meta.published, language: article.meta.language }).map(
    (expression) => ({
      ...expression,
      sentence: sentence.id,
      // Sentences rarely span lines in our Markdown; the column is exact when they don't.
      position: { line: sentence.position.line, column: sentence.position.column + expression.start },
    }),
  );
}

/** Every time expression of an article, keyed by sentence id, in reading order. */
export function mentionsOf(article: Article): Map<string, Mention[]> {
  const bySentence = new Map<string, Mention[]>();
  for (const sentence of article.sentences) {
    const mentions = mentionsOfSentence(article, sentence);
    if (mentions.length > 0) bySentence.set(sentence.id, mentions);
  }
  return bySentence;
}
