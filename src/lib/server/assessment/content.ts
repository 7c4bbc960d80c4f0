/**
 * The pre-test, the post-test and their blueprint, read from content/assessments at build time
 * (bundled as text) and checked on load: a mistake stops the server from starting with it.
 */
import { parse } from 'yaml';
import blueprintText from '../../../../content/assessments/blueprint.yaml?raw';
import preText from '../../../../content/assessments/pre-test.yaml?raw';
import postText from '../../../../content/assessments/post-test.yaml?raw';
import {
	blueprintProblems,
	blueprintSchema,
	testSchema,
	type Blueprint,
	type CourseTest,
} from '~/lib/assessment/schema';
import type { AssessmentKind } from '~db/schema';

function load(): { blueprint: Blueprint; tests: Record<AssessmentKind, CourseTest> } {
	const blueprint = blueprintSchema.parse(parse(blueprintText));
	const tests = {
		pre: testSchema.parse(parse(preText)),
		post: testSchema.parse(parse(postText)),
	};
	const problems = blueprintProblems(blueprint, tests);
	if (problems.length) throw new Error(`content/assessments: ${problems.join('; ')}`);
	return { blueprint, tests };
}

const content = load();

/** The blueprint's topics, in order. */
export function listTopics() {
	return content.blueprint.topics;
}

/** The pre-test or the post-test. */
export function getCourseTest(kind: AssessmentKind): CourseTest {
	return content.tests[kind];
}
