import { Runtime } from 'aws-cdk-lib/aws-lambda';

/**
 * The one Node major of the project: Lambda runs it, and package.json pins the same major for local
 * runs, tests and CI (the `node` devDependency). A test checks that the two agree.
 */
export const NODE_MAJOR = 24;
export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;
