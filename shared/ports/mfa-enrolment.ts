/** Whether a user has a second factor set up (an authenticator app), so Cognito asks for it. */
export interface MfaEnrolment {
  isEnabled(user: { userPoolId: string; username: string }): Promise<boolean>;
}
