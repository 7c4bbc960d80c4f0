/** What module authors may use in MDX without importing (passed to <Content components>). */
import Callout from './Callout.astro';
import Exercise from './Exercise.astro';
import Flow from './Flow.astro';
import KeyFacts from './KeyFacts.astro';
import WorkedExample from './WorkedExample.astro';

export const mdxComponents = { Callout, Exercise, Flow, KeyFacts, WorkedExample };
