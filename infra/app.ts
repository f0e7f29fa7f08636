// The CDK app entry point (cdk.json runs it with the project's pinned Node, which strips TypeScript).
import { buildApp } from './build-app.ts';

buildApp().app.synth();
