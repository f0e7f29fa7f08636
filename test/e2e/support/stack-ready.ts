/** What stack-process.ts prints before the stack's info (JSON) once the e2e stack is ready. */
export const READY_MARKER = 'foerderflow-e2e-stack ';
