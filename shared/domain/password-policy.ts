/**
 * The user pool's password policy: the Cognito user pool enforces it on AWS (infra/constructs/user-pool.ts
 * takes it from here) and the portal checks it before sign-up, so cognito-local, which enforces none,
 * refuses the same passwords in the browser.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireDigits: true,
  requireLowercase: true,
  requireUppercase: true,
} as const;

export type PasswordProblem = 'too-short' | 'no-digit' | 'no-lowercase' | 'no-uppercase';

/**
 * What a password lacks under the policy; empty when it is acceptable. Letters are counted from the basic
 * Latin alphabet, as Cognito documents it, so the browser never accepts what the pool would refuse.
 */
export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_POLICY.minLength) problems.push('too-short');
  if (PASSWORD_POLICY.requireDigits && !/\d/.test(password)) problems.push('no-digit');
  if (PASSWORD_POLICY.requireLowercase && !/[a-z]/.test(password)) problems.push('no-lowercase');
  if (PASSWORD_POLICY.requireUppercase && !/[A-Z]/.test(password)) problems.push('no-uppercase');
  return problems;
}
