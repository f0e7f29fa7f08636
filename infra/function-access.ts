/**
 * What each handler may touch: least privilege, written down per entry point. A test fails when an
 * operation of the contract has no line here, so every new route decides its grants.
 */
export interface FunctionAccess {
  table?: 'read' | 'read-write';
  documents?: 'read' | 'read-write';
}

export const functionAccess: Record<string, FunctionAccess> = {
  'calls/list-calls': { table: 'read' },
  'applications/create-draft': { table: 'read-write' },
  'applications/get-application': { table: 'read' },
  'applications/submit-application': { table: 'read-write' },
  'meta/get-openapi': {},
};
