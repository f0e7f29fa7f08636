import {
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { MfaEnrolment } from '../ports/mfa-enrolment.ts';

/**
 * Cognito's own record of the user's MFA methods (AdminGetUser's UserMFASettingList). With MFA
 * OPTIONAL, a user with a method there is challenged for it at every sign-in, so a token issued to
 * them was issued after the second factor.
 */
export class CognitoMfaEnrolment implements MfaEnrolment {
  private readonly client: CognitoIdentityProviderClient;

  constructor(client: CognitoIdentityProviderClient) {
    this.client = client;
  }

  async isEnabled(user: { userPoolId: string; username: string }): Promise<boolean> {
    const found = await this.client.send(
      new AdminGetUserCommand({ UserPoolId: user.userPoolId, Username: user.username }),
    );
    return (found.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  }
}
